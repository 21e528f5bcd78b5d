// The campaign page, kept live by its event feed: progress, status, lifecycle buttons, the two charts and new replies.
"use strict";
(() => {
  const root = document.getElementById("campaign");
  if (!root) return;
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const funnelKeys = ["sent", "delivered", "failed", "skipped", "unknown"];
  const funnelCounts = () => funnelKeys.map((key) => Number(root.querySelector(`[data-count="${key}"]`).textContent));

  const funnel = new Chart(document.getElementById("funnel-chart"), {
    type: "bar",
    data: {
      labels: ["Sent", "Delivered", "Failed", "Skipped", "Unknown"],
      datasets: [{ label: "Recipients", data: funnelCounts(), backgroundColor: ["#4b6cb7", "#2e8b57", "#c0392b", "#9e9e9e", "#e0a800"] }],
    },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  // The run so far comes with the page (sends per bucket); the feed then adds a point a second while the page is open.
  const canvas = document.getElementById("throughput-chart");
  const history = JSON.parse(canvas.dataset.history);
  const throughput = new Chart(canvas, {
    type: "line",
    data: {
      labels: history.points.map((p) => new Date(p.at).toLocaleTimeString()),
      datasets: [{
        label: "Sent per second",
        data: history.points.map((p) => Number((p.sent / history.bucketSeconds).toFixed(1))),
        borderColor: "#4b6cb7", tension: 0.2, pointRadius: 0,
      }],
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
  });
  const maxPoints = 240;
  let previous = null;
  const sentSoFar = (counts) => counts.sent + counts.delivered + counts.failed + counts.unknown;

  const plotThroughput = (sent) => {
    const now = Date.now();
    if (previous) {
      const seconds = (now - previous.at) / 1000;
      const rate = seconds > 0 ? Math.max(0, (sent - previous.sent) / seconds) : 0;
      throughput.data.labels.push(new Date(now).toLocaleTimeString());
      throughput.data.datasets[0].data.push(Number(rate.toFixed(1)));
      if (throughput.data.labels.length > maxPoints) {
        throughput.data.labels.shift();
        throughput.data.datasets[0].data.shift();
      }
      throughput.update();
    }
    previous = { at: now, sent };
  };

  const paintFunnel = (counts) => {
    for (const key of funnelKeys) root.querySelector(`[data-count="${key}"]`).textContent = String(counts[key]);
    funnel.data.datasets[0].data = funnelKeys.map((key) => counts[key]);
    funnel.update();
  };

  const paintButtons = (commands) => {
    for (const button of root.querySelectorAll("button[data-command]")) {
      button.disabled = !commands.includes(button.dataset.command);
    }
  };

  const paintFacts = (update) => {
    field("phase").textContent = update.phase;
    field("rate").textContent = update.ratePerSecond.toFixed(1);
    field("queue").textContent = update.queuePosition ?? "—";
    field("reason").textContent = update.reason ?? "—";
    const next = field("next-window");
    next.dataset.utc = update.nextWindowOpensAt ?? "";
    next.textContent = update.nextWindowOpensAt ? new Date(update.nextWindowOpensAt).toISOString().replace("T", " ").slice(0, 19) + "Z" : "—";
    field("replies-total").textContent = String(update.replyCounts.total);
    field("opt-outs").textContent = String(update.replyCounts.optOuts);
  };

  const addReplies = (replies) => {
    const body = document.querySelector("#replies tbody");
    // Oldest first, each inserted at the top, so the newest ends up first as on the server's render.
    for (const reply of [...replies].reverse()) {
      if (body.querySelector(`tr[data-reply="${reply.id}"]`)) continue;
      const row = document.createElement("tr");
      row.dataset.reply = String(reply.id);
      row.className = `kind-${reply.classification} new`;
      const received = new Date(reply.receivedAt).toISOString().replace("T", " ").slice(0, 19) + "Z";
      for (const text of [received, reply.phone, reply.text, reply.classification]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      body.prepend(row);
    }
  };

  if (!window.EventSource) return;
  const events = new EventSource(root.dataset.events);
  events.addEventListener("campaign", (message) => {
    const update = JSON.parse(message.data);
    window.mcProgress.paint(root, update.progress);
    paintButtons(update.progress.commands);
    paintFunnel(update.progress.counts);
    paintFacts(update);
    plotThroughput(sentSoFar(update.progress.counts));
    addReplies(update.replies);
  });
  window.addEventListener("pagehide", () => events.close());
})();
