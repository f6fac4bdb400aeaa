// The focal-point picker of the photo page: a click on the picture fills the two fields
// (fractions of its width and height from the top-left corner) and outlines the hero frame
// the crops will be cut to; "Set focal point" saves it. Without this file the fields alone
// do the same.

const clamp = (v) => Math.min(1, Math.max(0, v));
const round = (v) => Math.round(clamp(v) * 1000) / 1000;

// The crop window in fractions of the picture, placed as the media crate places it
// (newsdesk_media::crop_window): the largest box of the frame's aspect, centred on the
// point, kept inside the picture.
export const cropWindow = (width, height, frameW, frameH, x, y) => {
  let cw = width;
  let ch = (width * frameH) / frameW;
  if (ch > height) {
    ch = height;
    cw = Math.min(width, (height * frameW) / frameH);
  }
  const place = (centre, size, room) => Math.min(Math.max(centre - size / 2, 0), Math.max(room - size, 0));
  return {
    left: place(x * width, cw, width) / width,
    top: place(y * height, ch, height) / height,
    width: cw / width,
    height: ch / height,
  };
};

const percent = (v) => `${(v * 100).toFixed(3)}%`;

export const start = (picker) => {
  const img = picker.querySelector("img");
  const point = picker.querySelector(".focus-picker__point");
  const frame = picker.querySelector(".focus-picker__frame");
  const form = document.getElementById(picker.dataset.form);
  if (!img || !point || !frame || !form) return;
  const fx = form.elements.namedItem("focus_x");
  const fy = form.elements.namedItem("focus_y");
  const size = [Number(picker.dataset.width), Number(picker.dataset.height)];
  const aspect = [Number(picker.dataset.frameWidth), Number(picker.dataset.frameHeight)];

  const draw = () => {
    const x = Number.parseFloat(fx.value);
    const y = Number.parseFloat(fy.value);
    const valid = x >= 0 && x <= 1 && y >= 0 && y <= 1 && size[0] > 0 && size[1] > 0;
    point.hidden = !valid;
    frame.hidden = !valid;
    if (!valid) return;
    point.style.left = percent(x);
    point.style.top = percent(y);
    const box = cropWindow(size[0], size[1], aspect[0], aspect[1], x, y);
    frame.style.left = percent(box.left);
    frame.style.top = percent(box.top);
    frame.style.width = percent(box.width);
    frame.style.height = percent(box.height);
  };

  img.addEventListener("click", (event) => {
    const box = img.getBoundingClientRect();
    if (!box.width || !box.height) return;
    fx.value = String(round((event.clientX - box.left) / box.width));
    fy.value = String(round((event.clientY - box.top) / box.height));
    draw();
  });
  fx.addEventListener("input", draw);
  fy.addEventListener("input", draw);
  draw();
};
