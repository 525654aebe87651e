import type { ReactNode } from 'react';
import { Drawer } from '@mantine/core';
// Mantine's styles for the drawer, loaded with it.
import '@mantine/core/styles/Drawer.css';

/**
 * The phone menu's drawer (see PhoneMenu), in a chunk of its own: the drawer brings Mantine's modal,
 * scroll area, focus trap and floating-ui, which no page needs before the menu is first opened.
 */
export default function PhoneDrawer(props: {
  id: string;
  opened: boolean;
  onClose: () => void;
  position: 'left' | 'right';
  title: string;
  closeLabel: string;
  returnFocus: boolean;
  classNames: { body?: string; title?: string };
  children: ReactNode;
}) {
  return (
    <Drawer
      id={props.id}
      opened={props.opened}
      onClose={props.onClose}
      position={props.position}
      size="min(22rem, 88vw)"
      title={props.title}
      closeButtonProps={{ 'aria-label': props.closeLabel }}
      returnFocus={props.returnFocus}
      classNames={props.classNames}
      data-testid="phone-menu"
    >
      {props.children}
    </Drawer>
  );
}
