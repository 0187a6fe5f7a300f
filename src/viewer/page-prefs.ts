// The reader's display preferences as the 3D islands read them: reduced motion, and the site theme (the header's
// switch, else the system setting).
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export function isDarkTheme(): boolean {
  const theme = document.documentElement.dataset["theme"];
  if (theme === "dark" || theme === "light") return theme === "dark";
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}
