let navigated = false;

/** The layout calls this when the URL's path changes inside the app. */
export function markNavigation(): void {
  navigated = true;
}

/** True once the user has moved from the first page: the new page's heading then takes the focus. */
export function hasNavigated(): boolean {
  return navigated;
}
