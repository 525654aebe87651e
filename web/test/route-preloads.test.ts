import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRouter } from '../scripts/route-preloads';

/*
 * The build reads the router's own routes to list each route's files for index.html
 * (scripts/route-preloads.ts; the server's test checks the links on a real build). Here: that it reads
 * the app's router as React Router nests it, and that a router it cannot follow fails the build.
 */

const ROUTER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app', 'router.tsx');

describe('the router as the build reads it', () => {
  const routes = readRouter(ROUTER);
  const byPath = new Map(routes.map((r) => [r.path, r]));

  it('finds each page route with its full address and its parts', () => {
    expect(byPath.get('/:lang/reporting/cycles/:id/analysis')?.page).toBe('ReportingAnalysisPage');
    expect(routes.pages.get('ReportingAnalysisPage')).toEqual({ specifier: '../features/reporting/AnalysisPage', parts: ['groups', 'reporting'] });
    // The index route is its parent's address; the routes under a layout or a guard keep theirs.
    expect(byPath.get('/:lang')?.page).toBe('HomePage');
    expect(byPath.get('/:lang/account')?.page).toBe('AccountPage');
    // Both addresses of a page that has two.
    expect(byPath.get('/:lang/groups/new')?.page).toBe('GroupFormPage');
    expect(byPath.get('/:lang/groups/:id/edit')?.page).toBe('GroupFormPage');
  });

  it('leaves out the catch-all and what is not a page', () => {
    expect(routes.some((r) => r.path.includes('*'))).toBe(false);
    // `/` redirects, `capacity` too: no page of their own.
    expect(byPath.has('/')).toBe(false);
    expect(byPath.has('/:lang/capacity')).toBe(false);
    // Every page the router declares has a route (none is lost to a shape the reader does not know).
    const routed = new Set(routes.map((r) => r.page));
    expect([...routes.pages.keys()].filter((name) => !routed.has(name) && name !== 'NotFoundPage')).toEqual([]);
  });

  it('fails on a router it cannot follow', () => {
    const computed = "const P = page(() => import(name), ['x']);\nconst routes = [{ path: '/a', element: <P /> }];";
    expect(() => readRouter('router.tsx', computed)).toThrow(/name its module literally/);
    const optional = "const P = page(() => import('./p'));\nconst routes = [{ path: '/a/:b?', element: <P /> }];";
    expect(() => readRouter('router.tsx', optional)).toThrow(/optional segments/);
    expect(() => readRouter('router.tsx', "const P = page(() => import('./p'));")).toThrow(/no `const routes/);
  });
});
