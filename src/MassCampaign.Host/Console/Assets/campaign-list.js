// Keeps the campaign list live: the server pushes every listed campaign's progress about once a second.
"use strict";
(() => {
  const table = document.getElementById("campaigns");
  if (!table || !window.EventSource) return;
  const events = new EventSource(table.dataset.events);
  events.addEventListener("progress", (message) => {
    for (const progress of JSON.parse(message.data)) {
      const row = table.querySelector(`tr[data-campaign="${progress.id}"]`);
      if (row) window.mcProgress.paint(row, progress);
    }
  });
  window.addEventListener("pagehide", () => events.close());
})();
