// The crop editors of the photo page, one per aspect: a rectangle of that aspect over the
// picture, dragged by its body or its corners (the opposite corner stays put), moved with
// the arrow keys and resized with + and −. It fills the form's four fields, in pixels of
// the original, snapped as the server snaps them, so what is saved is what was shown.
// Without this file the fields alone do the same.

const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);

// The height a crop `width` wide has at the aspect, rounded as the server rounds it
// (newsdesk_media::fit_crop).
export const snapHeight = (width, aw, ah) => Math.round((width * ah) / aw);

// The widest crop of the aspect inside the photo (newsdesk_media::crop_window).
export const largestWidth = (pw, ph, aw, ah) => {
  const fullHeight = (pw * ah) / aw;
  return Math.floor(fullHeight > ph ? Math.min(pw, (ph * aw) / ah) : pw);
};

// `rect` made whole pixels of the aspect, at least `minWidth` wide and inside the photo,
// moved rather than shrunk where it can be; what is not a number (an emptied field) is
// the largest crop, centred.
export const fitRect = (rect, pw, ph, aw, ah, minWidth) => {
  const largest = largestWidth(pw, ph, aw, ah);
  const w = Number.isFinite(rect.width) ? Math.round(rect.width) : largest;
  const width = clamp(w, Math.min(minWidth, largest), largest);
  const height = Math.min(snapHeight(width, aw, ah), ph);
  const x = Number.isFinite(rect.x) ? Math.round(rect.x) : (pw - width) / 2;
  const y = Number.isFinite(rect.y) ? Math.round(rect.y) : (ph - height) / 2;
  return {
    x: clamp(Math.round(x), 0, pw - width),
    y: clamp(Math.round(y), 0, ph - height),
    width,
    height,
  };
};

// Resizing by a corner: the opposite corner is the anchor, the pointer's distance from it
// gives the width (by whichever of its two sides is longer at the aspect), bounded by the
// room between the anchor and the photo's edges in that direction.
export const resizeFrom = (handle, start, point, pw, ph, aw, ah, minWidth) => {
  const west = handle.includes("w");
  const north = handle.includes("n");
  const ax = west ? start.x + start.width : start.x;
  const ay = north ? start.y + start.height : start.y;
  const roomX = west ? ax : pw - ax;
  const roomY = north ? ay : ph - ay;
  const wanted = Math.max(Math.abs(point.x - ax), (Math.abs(point.y - ay) * aw) / ah);
  const most = Math.floor(Math.min(roomX, (roomY * aw) / ah));
  const width = Math.round(clamp(wanted, Math.min(minWidth, most), most));
  const height = Math.min(snapHeight(width, aw, ah), roomY);
  return {
    x: west ? ax - width : ax,
    y: north ? ay - height : ay,
    width,
    height,
  };
};

const percent = (v) => `${(v * 100).toFixed(4)}%`;

export const start = (editor) => {
  const img = editor.querySelector("img");
  const box = editor.querySelector(".crop-editor__box");
  const form = document.getElementById(editor.dataset.form);
  if (!img || !box || !form) return;
  const field = (name) => form.elements.namedItem(name);
  const fields = ["x", "y", "width", "height"].map(field);
  if (fields.some((f) => !f)) return;
  const pw = Number(editor.dataset.photoWidth);
  const ph = Number(editor.dataset.photoHeight);
  const aw = Number(editor.dataset.aspectWidth);
  const ah = Number(editor.dataset.aspectHeight);
  const minWidth = Number(editor.dataset.minWidth) || 1;
  if (!(pw > 0 && ph > 0 && aw > 0 && ah > 0)) return;
  const preview = document.querySelector(`[data-crop-preview="${form.id}"]`);

  const read = () => {
    const [x, y, width, height] = fields.map((f) => Number.parseFloat(f.value));
    return { x, y, width, height };
  };
  const saved = JSON.stringify(fitRect(read(), pw, ph, aw, ah, minWidth));

  // A live picture of the unsaved crop, shown in place of the one on record while the
  // rectangle differs from it.
  const recorded = preview && preview.querySelector("img");
  let live = null;
  let liveImg = null;
  if (preview) {
    live = document.createElement("div");
    live.className = "crop-preview__live";
    live.hidden = true;
    live.style.aspectRatio = `${aw} / ${ah}`;
    liveImg = document.createElement("img");
    liveImg.src = img.currentSrc || img.src;
    liveImg.alt = "";
    live.append(liveImg);
    preview.prepend(live);
  }
  const caption = preview && preview.querySelector("figcaption");
  const captionText = caption ? caption.textContent : "";

  const draw = (rect) => {
    const valid = [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) && rect.width > 0;
    box.hidden = !valid;
    if (!valid) return;
    box.style.left = percent(rect.x / pw);
    box.style.top = percent(rect.y / ph);
    box.style.width = percent(rect.width / pw);
    box.style.height = percent(rect.height / ph);
    if (!live) return;
    const dirty = JSON.stringify(rect) !== saved;
    live.hidden = !dirty;
    if (recorded) recorded.hidden = dirty;
    if (caption) caption.textContent = dirty ? "Preview: not saved yet" : captionText;
    // Percent margins are of the container's width, so all four are fractions of it.
    liveImg.style.width = percent(pw / rect.width);
    liveImg.style.marginLeft = percent(-rect.x / rect.width);
    liveImg.style.marginTop = percent(-rect.y / rect.width);
  };

  const set = (rect) => {
    const fitted = fitRect(rect, pw, ph, aw, ah, minWidth);
    fields[0].value = String(fitted.x);
    fields[1].value = String(fitted.y);
    fields[2].value = String(fitted.width);
    fields[3].value = String(fitted.height);
    draw(fitted);
    return fitted;
  };

  // The pointer's position in the original's pixels.
  const at = (event) => {
    const r = img.getBoundingClientRect();
    return {
      x: ((event.clientX - r.left) / r.width) * pw,
      y: ((event.clientY - r.top) / r.height) * ph,
    };
  };

  let drag = null;
  editor.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const point = at(event);
    const current = fitRect(read(), pw, ph, aw, ah, minWidth);
    const handle = event.target.closest("[data-handle]");
    if (handle) {
      drag = { mode: handle.dataset.handle, start: current, from: point };
    } else if (event.target === box) {
      drag = { mode: "move", start: current, from: point };
    } else {
      // A press beside the rectangle brings it there, centred, and carries on as a move.
      const centred = set({ ...current, x: point.x - current.width / 2, y: point.y - current.height / 2 });
      drag = { mode: "move", start: centred, from: point };
    }
    editor.setPointerCapture(event.pointerId);
    box.focus({ preventScroll: true });
    event.preventDefault();
  });
  editor.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const point = at(event);
    if (drag.mode === "move") {
      set({ ...drag.start, x: drag.start.x + point.x - drag.from.x, y: drag.start.y + point.y - drag.from.y });
    } else {
      set(resizeFrom(drag.mode, drag.start, point, pw, ph, aw, ah, minWidth));
    }
  });
  const end = () => {
    drag = null;
  };
  editor.addEventListener("pointerup", end);
  editor.addEventListener("pointercancel", end);

  box.addEventListener("keydown", (event) => {
    const rect = fitRect(read(), pw, ph, aw, ah, minWidth);
    // A hundredth of the photo per press, ten with Shift: fine enough to aim, quick to cross.
    const step = Math.max(1, Math.round(pw / 100)) * (event.shiftKey ? 10 : 1);
    const moves = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key];
      set({ ...rect, x: rect.x + dx, y: rect.y + dy });
    } else if (event.key === "+" || event.key === "=" || event.key === "-" || event.key === "−") {
      const grow = event.key === "+" || event.key === "=" ? step : -step;
      const width = rect.width + 2 * grow;
      const height = snapHeight(width, aw, ah);
      // Around the centre, so the subject stays where it is.
      set({ x: rect.x - grow, y: rect.y + (rect.height - height) / 2, width, height });
    } else if (event.key === "Enter") {
      form.requestSubmit(form.querySelector('button[value="save"]'));
    } else {
      return;
    }
    event.preventDefault();
  });

  for (const f of fields) {
    f.addEventListener("input", () => draw(read()));
    // A typed width takes its height (and a typed height its width) once the field is left.
    f.addEventListener("change", () => {
      const rect = read();
      if (f === fields[3] && Number.isFinite(rect.height)) {
        rect.width = Math.round((rect.height * aw) / ah);
      }
      set(rect);
    });
  }
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "reset") return;
    set(read());
  });
  draw(read());
};

if (typeof document !== "undefined") {
  for (const editor of document.querySelectorAll("[data-crop-editor]")) {
    start(editor);
  }
}
