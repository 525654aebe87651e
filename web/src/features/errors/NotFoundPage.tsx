import { NotFound } from '../../ui/NotFound';

/** The page for an address the app does not know. */
export default function NotFoundPage() {
  return <NotFound />;
}
