export const PAGE_CSS = `body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2433; }
header { background: #1d2433; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: baseline; }
h1 { font-size: 18px; margin: 0; } main { display: grid; grid-template-columns: 3fr 2fr; gap: 16px; padding: 16px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e6ee; }
tbody tr { cursor: pointer; } tbody tr:hover { background: #f3f5fa; }
.level-error, .level-fatal { color: #b42318; } .level-warning, .level-warn { color: #b54708; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; } ol#logs { padding-left: 20px; font-family: ui-monospace, monospace; font-size: 12px; }
form { display: flex; gap: 4px; margin-bottom: 8px; }`;
