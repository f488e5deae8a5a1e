export default defineBackground(() => {
  // Filled by the extension issue.
});
