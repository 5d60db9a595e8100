/**
 * Ribbon commands. The 预算表格助手 button on the Home tab opens the task pane (a
 * ShowTaskpane action in manifest.xml). The add-in uses a shared runtime: the task pane
 * page is also the function file, so commands and the custom function live in the same
 * JavaScript context as the pane and share its state.
 */
export function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  // Keyboard shortcut / ribbon action id used by a future "检查" quick command.
  try {
    Office.actions.associate("ShowTaskpane", () => Office.addin.showAsTaskpane());
  } catch {
    // Office.actions is not available outside the shared runtime (older Excel): nothing to register.
  }
}
