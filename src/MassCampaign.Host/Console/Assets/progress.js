// Shared by the list and campaign pages: paints one campaign's progress (as the event feeds send it) into its elements.
"use strict";
window.mcProgress = {
  paint(root, progress) {
    const field = (name) => root.querySelector(`[data-field="${name}"]`);
    const bar = root.querySelector('[role="progressbar"]');
    if (bar) {
      bar.setAttribute("aria-valuenow", String(progress.percent));
      bar.querySelector("span").style.width = `${progress.percent}%`;
    }
    const text = { percent: `${progress.percent}%`, done: String(progress.done), total: String(progress.total) };
    for (const [name, value] of Object.entries(text)) {
      const el = field(name);
      if (el) el.textContent = value;
    }
    const status = field("status");
    if (status && status.textContent !== progress.status) {
      status.textContent = progress.status;
      status.className = `status status-${progress.status}`;
    }
  },
};
