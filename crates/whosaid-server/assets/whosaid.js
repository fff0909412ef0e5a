// whosaid web UI: pin an attribution's details on click, outline all the
// parts of the attribution under the pointer. Text goes in with
// textContent only, never as markup.
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
    mark.addEventListener("click", () => {
      if (pinned !== null) toggle(pinned, "pinned", false);
      pinned = k;
      toggle(k, "pinned", true);
      if (!panel) return;
      for (const field of ["speaker", "cue", "kind", "channel", "time"]) {
        const dd = panel.querySelector(`[data-field="${field}"]`);
        if (dd) dd.textContent = mark.dataset[field] || "—";
      }
      panel.hidden = false;
    });
  });
});
