/** The email updates pages have nothing other features use. */
export {};
