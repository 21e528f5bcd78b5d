// Sends the chosen CSV as the request body with XMLHttpRequest, whose upload events (fetch has none) drive the bar,
// then lists what the import answered: counts, and the rejected rows with the reason for each.
"use strict";
(() => {
  const form = document.getElementById("upload");
  if (!form) return;
  const input = document.getElementById("csv");
  const bar = document.getElementById("upload-bar");
  const percent = document.getElementById("upload-percent");
  const result = document.getElementById("upload-result");
  const button = document.getElementById("upload-button");

  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };

  const showProgress = (value) => {
    bar.value = value;
    percent.textContent = `${value}%`;
  };

  const rejectedTable = (rows, count) => {
    const wrap = el("div", undefined, { class: "table-wrap" });
    const table = el("table", undefined, { id: "rejected" });
    table.append(el("caption", `Rejected rows (${rows.length} of ${count} shown)`));
    const head = el("tr");
    for (const title of ["Row", "Phone", "Reason"]) head.append(el("th", title, { scope: "col" }));
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      tr.append(el("td", String(row.row)), el("td", row.phone ?? ""), el("td", row.reason));
      body.append(tr);
    }
    table.append(body);
    wrap.append(table);
    return wrap;
  };

  const show = (status, body) => {
    result.replaceChildren();
    if (status === 200) {
      result.append(el("p", `Imported ${body.imported}, duplicates ${body.duplicates}, rejected ${body.rejectedCount}.`, { id: "upload-summary", class: "notice" }));
    } else {
      result.append(el("p", body?.detail ?? body?.title ?? `The upload failed (HTTP ${status}).`, { id: "upload-error", class: "field-error", role: "alert" }));
    }
    if (body?.rejected?.length) result.append(rejectedTable(body.rejected, body.rejectedCount));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      show(400, { detail: "Choose a CSV file first." });
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Content-Type", "text/csv");
    request.setRequestHeader("RequestVerificationToken", form.dataset.token);
    request.responseType = "json";
    form.querySelector(".upload-progress").hidden = false;
    showProgress(0);
    button.disabled = true;
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) showProgress(Math.floor((e.loaded * 100) / e.total));
    });
    request.addEventListener("load", () => {
      showProgress(100);
      button.disabled = false;
      show(request.status, request.response);
    });
    request.addEventListener("error", () => {
      button.disabled = false;
      show(0, { detail: "The upload did not reach the host; check the connection and try again." });
    });
    request.send(file);
  });
})();
