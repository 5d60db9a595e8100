/**
 * Ribbon commands. The 预算表格助手 button on the Home tab opens the task pane
 * (a ShowTaskpane action in manifest.xml, no code needed); this function file is
 * loaded by Excel for commands that run without the pane.
 */
Office.onReady(() => {
  // Nothing to register yet: every command today opens the task pane.
});
