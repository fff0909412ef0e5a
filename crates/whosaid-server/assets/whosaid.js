// whosaid web UI: pin an attribution's details on click, outline all the
// parts of the attribution under the pointer; speaker merges and unmerges
// through the API with the server's token (asked once per tab). Text goes
// in with textContent only, never as markup.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("details");
  const marks = document.querySelectorAll("mark[data-a]");
  const parts = (k) => document.querySelectorAll(`mark[data-a="${CSS.escape(k)}"]`);
  const toggle = (k, cls, on) => parts(k).forEach((m) => m.classList.toggle(cls, on));
  let pinned = null;
  marks.forEach((mark) => {
    const k = mark.dataset.a;
    mark.addEventListener("mouseenter", () => toggle(k, "hovered", true));
    mark.addEventListener("mouseleave", () => toggle(k, "hovered", false));
    mark.addEventListener("click", () => pin(mark));
    // Keyboard: every passage is a tab stop; Enter or Space pins it.
    mark.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pin(mark);
      }
    });
  });
  function pin(mark) {
    const k = mark.dataset.a;
    if (pinned !== null) toggle(pinned, "pinned", false);
    pinned = k;
    toggle(k, "pinned", true);
    if (!panel) return;
    for (const field of ["speaker", "cue", "kind", "channel", "time"]) {
      const dd = panel.querySelector(`[data-field="${field}"]`);
      if (dd) dd.textContent = mark.dataset[field] || "—";
    }
    const link = panel.querySelector("a.permalink");
    if (link) link.href = `#s${Number(k) + 1}`;
    panel.hidden = false;
  }
  // A statement's permalink (`#s3`) pins it.
  const fromHash = () => {
    const first = document.getElementById(location.hash.slice(1));
    if (first && first.matches("mark[data-a]")) {
      pin(first);
      first.scrollIntoView({ block: "center" });
    }
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
});

// Speaker writes: `button.write` with data-action "merge" (data-into,
// data-from) or "unmerge" (data-id).
document.addEventListener("DOMContentLoaded", () => {
  const KEY = "whosaid-token";
  const status = (button, text) => {
    let out = button.parentElement.querySelector(".write-status");
    if (!out) {
      out = document.createElement("span");
      out.className = "write-status";
      button.after(out);
    }
    out.textContent = text;
  };
  document.querySelectorAll("button.write").forEach((button) => {
    button.addEventListener("click", async () => {
      let token = sessionStorage.getItem(KEY);
      if (!token) {
        token = window.prompt("This server's write token:");
        if (!token) return;
      }
      const d = button.dataset;
      const [url, body] = d.action === "merge"
        ? ["/api/speakers/merge", JSON.stringify({ into: Number(d.into), from: Number(d.from) })]
        : [`/api/speakers/${encodeURIComponent(d.id)}/unmerge`, "{}"];
      button.disabled = true;
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Authorization": `Bearer ${token}`, "Content-Type": "application/json" },
          body,
        });
        const answer = await res.json().catch(() => ({}));
        if (res.status === 401) sessionStorage.removeItem(KEY);
        else sessionStorage.setItem(KEY, token);
        if (!res.ok) {
          status(button, answer.error || `failed (${res.status})`);
          button.disabled = false;
          return;
        }
        status(button, d.action === "merge" ? "merged" : "split off");
        window.location.reload();
      } catch (e) {
        status(button, "failed: " + e);
        button.disabled = false;
      }
    });
  });
});
