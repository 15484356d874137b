/** The page's icon (a bolt), served by the receiver so the page asks nothing of another origin. */
export const PAGE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d2433"/><path d="M9.5 1.5 3.5 9h4l-1 5.5 6-8h-4z" fill="#fdb022"/></svg>`;
