//! The drawing surface: shapes stored as vertical spans per column, back to front, and
//! the light (sky, sun, water) they are seen in.

use image::RgbImage;
use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;

use super::DemoPalette;

pub type Rgb = [f32; 3];

pub const WHITE: Rgb = [240., 240., 235.];
pub const BLACK: Rgb = [0., 0., 0.];
/// The near-black of rooms lit by lamps: stages, server halls, arenas.
pub const DEEP: Rgb = [22., 20., 34.];
#[rustfmt::skip]
const ACCENTS: [Rgb; 8] = [
    [200., 40., 45.], [30., 80., 170.], [240., 190., 40.], [40., 140., 70.],
    [235., 120., 30.], [30., 150., 160.], [245., 245., 240.], [120., 60., 150.],
];

/// The light and the layout every scene shares.
pub struct Look {
    pub seed: u64,
    pub sky_top: Rgb,
    pub sky_low: Rgb,
    pub sun: Rgb,
    pub far: Rgb,
    pub near: Rgb,
    pub light: Rgb,
    pub night: bool,
    /// How far bright colours sink into the dark land colour.
    dim: f32,
    pub w: f32,
    pub h: f32,
    /// The shorter side: sizes scale with it, so a portrait photo is not all sky.
    pub unit: f32,
    pub horizon: f32,
    sun_pos: (f32, f32),
    sun_r: f32,
}

impl Look {
    pub fn new(rng: &mut ChaCha8Rng, w: u32, h: u32, palette: DemoPalette, indoor: bool) -> Look {
        let [sky_top, sky_low, sun, far, near, light] = palette.colours();
        let (wf, hf) = (w as f32, h as f32);
        let horizon = hf * rng.random_range(0.50..0.68);
        let sun_pos = (
            wf * rng.random_range(0.15..0.85),
            horizon - hf * rng.random_range(0.08..0.35),
        );
        Look {
            seed: rng.next_u64(),
            sky_top,
            sky_low,
            sun,
            far,
            near,
            light,
            night: matches!(palette, DemoPalette::Night | DemoPalette::Dusk),
            // Lamps light a room whatever the hour.
            dim: palette.dim() * if indoor { 0.4 } else { 1.0 },
            w: wf,
            h: hf,
            unit: wf.min(hf),
            horizon,
            sun_pos,
            sun_r: wf.min(hf) * rng.random_range(0.03..0.07),
        }
    }

    /// A bright colour as this light shows it.
    pub fn tint(&self, c: Rgb) -> Rgb {
        mix(c, self.near, self.dim)
    }

    pub fn accent(&self, rng: &mut ChaCha8Rng) -> Rgb {
        self.tint(ACCENTS[rng.random_range(0..ACCENTS.len())])
    }

    /// Open ground from the horizon down, lighter where it meets the sky.
    pub fn ground(&self, c: Rgb) -> Paint {
        Paint::Fade {
            top: mix(self.tint(c), self.sky_low, 0.25),
            bottom: mix(self.tint(c), self.near, 0.5),
            from: self.horizon,
            to: self.h,
        }
    }

    fn sky(&self, x: f32, y: f32) -> Rgb {
        let t = (y / self.horizon.max(1.0)).clamp(0.0, 1.0);
        let base = mix(self.sky_top, self.sky_low, t * t);
        let d = ((x - self.sun_pos.0).powi(2) + (y - self.sun_pos.1).powi(2)).sqrt();
        if d < self.sun_r {
            return self.sun;
        }
        if self.night && t < 0.7 && hash(self.seed, x as u32, y as u32).is_multiple_of(1500) {
            return mix(base, WHITE, 0.8);
        }
        // Soft glow falling off with distance from the disc.
        let glow = (self.sun_r * 4.0 / (d + self.sun_r * 3.0)).powi(2);
        mix(base, self.sun, glow.min(0.9))
    }

    fn water(&self, x: f32, y: f32) -> Rgb {
        let t = ((y - self.horizon) / (self.h - self.horizon).max(1.0)).clamp(0.0, 1.0);
        let water = mix(self.sky_low, self.near, 0.35 + 0.5 * t);
        // The sun's reflection: a shimmering column under it.
        let dx = (x - self.sun_pos.0).abs() / (self.unit * (0.03 + 0.1 * t));
        let ripple = ((y * 0.35).sin() * 0.5 + 0.5) * (1.0 - dx).max(0.0);
        mix(water, self.sun, ripple * 0.6)
    }
}

#[derive(Clone, Copy)]
pub enum Paint {
    Flat(Rgb),
    /// A facade with a grid of windows, `lit` percent of them lit.
    Windows {
        base: Rgb,
        cell: f32,
        lit: u64,
        key: u64,
    },
    /// Stripes of two colours `period` wide, running down (`upright`) or across.
    Stripes {
        a: Rgb,
        b: Rgb,
        period: f32,
        upright: bool,
    },
    Checks {
        a: Rgb,
        b: Rgb,
        cell: f32,
    },
    /// Scattered points of colour on a base: a crowd in the stands, lights on a rack.
    Dots {
        base: Rgb,
        dots: [Rgb; 3],
        cell: f32,
        share: u64,
        key: u64,
    },
    /// From `top` at row `from` to `bottom` at row `to`.
    Fade {
        top: Rgb,
        bottom: Rgb,
        from: f32,
        to: f32,
    },
    /// Light laid over whatever is behind it: a beam, a floodlight's halo.
    Glow(Rgb, f32),
    Water,
}

pub fn flat(c: Rgb) -> Paint {
    Paint::Flat(c)
}

pub fn stripes(a: Rgb, b: Rgb, period: f32, upright: bool) -> Paint {
    Paint::Stripes {
        a,
        b,
        period,
        upright,
    }
}

#[derive(Clone, Copy)]
struct Span {
    top: f32,
    bottom: f32,
    paint: u16,
}

/// Shapes as spans per column, back to front; a pixel takes the frontmost span over it.
pub struct Canvas {
    paints: Vec<Paint>,
    cols: Vec<Vec<Span>>,
}

impl Canvas {
    pub fn new(width: u32) -> Canvas {
        Canvas {
            paints: Vec::new(),
            cols: vec![Vec::new(); width as usize],
        }
    }

    /// Covers, in each column from `l` to `r`, the rows `rows(x)` gives as (top, bottom).
    pub fn fill(&mut self, l: f32, r: f32, paint: Paint, rows: impl Fn(f32) -> (f32, f32)) {
        let Ok(id) = u16::try_from(self.paints.len()) else {
            return;
        };
        self.paints.push(paint);
        let to = (r.max(0.0).ceil() as usize).min(self.cols.len());
        for x in (l.max(0.0) as usize)..to {
            let (top, bottom) = rows(x as f32 + 0.5);
            if bottom > top {
                self.cols[x].push(Span {
                    top,
                    bottom,
                    paint: id,
                });
            }
        }
    }

    pub fn rect(&mut self, l: f32, r: f32, top: f32, bottom: f32, paint: Paint) {
        self.fill(l, r, paint, |_| (top, bottom));
    }

    pub fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, paint: Paint) {
        self.fill(cx - rx, cx + rx, paint, |x| {
            let d = (1.0 - ((x - cx) / rx).powi(2)).max(0.0).sqrt() * ry;
            (cy - d, cy + d)
        });
    }

    /// A soft halo: rings of faint light, brightest in the middle.
    pub fn halo(&mut self, cx: f32, cy: f32, radius: f32, colour: Rgb) {
        for share in [1.0, 0.7, 0.4] {
            let r = radius * share;
            self.ellipse(cx, cy, r, r, Paint::Glow(colour, 0.14));
        }
    }

    /// A peak: rows under a line rising from `base` at the edges to `base - height`.
    pub fn peak(&mut self, cx: f32, half: f32, base: f32, height: f32, paint: Paint) {
        self.fill(cx - half, cx + half, paint, |x| {
            (base - height * (1.0 - (x - cx).abs() / half), base)
        });
    }

    pub fn line(&mut self, a: (f32, f32), b: (f32, f32), thick: f32, paint: Paint) {
        let (dx, dy, half) = (b.0 - a.0, b.1 - a.1, thick / 2.0);
        let (low, high) = (a.1.min(b.1) - half, a.1.max(b.1) + half);
        if dx.abs() < thick {
            let x = (a.0 + b.0) / 2.0;
            return self.rect(x - half, x + half, low, high, paint);
        }
        let reach = half * (1.0 + (dy / dx).powi(2)).sqrt();
        self.fill(a.0.min(b.0) - half, a.0.max(b.0) + half, paint, |x| {
            let y = a.1 + dy * ((x - a.0) / dx).clamp(0.0, 1.0);
            ((y - reach).max(low), (y + reach).min(high))
        });
    }

    /// A standing figure `size` tall with its feet at `base`.
    pub fn person(&mut self, x: f32, base: f32, size: f32, paint: Paint) {
        self.ellipse(x, base - size * 0.88, size * 0.11, size * 0.12, paint);
        let half = size * 0.21;
        self.fill(x - half, x + half, paint, |px| {
            let s = (px - x) / half;
            (base - size * 0.74 + size * 0.14 * s * s, base)
        });
    }

    fn colour(&self, col: usize, y: f32, look: &Look) -> Rgb {
        let x = col as f32 + 0.5;
        let mut glows: [(Rgb, f32); 4] = [(BLACK, 0.0); 4];
        let mut n = 0;
        let mut base = None;
        for span in self.cols[col].iter().rev() {
            if y < span.top || y >= span.bottom {
                continue;
            }
            match self.paints[span.paint as usize] {
                Paint::Glow(c, a) if n < glows.len() => {
                    glows[n] = (c, a);
                    n += 1;
                }
                Paint::Glow(..) => {}
                paint => {
                    base = Some(shade(paint, x, y, look));
                    break;
                }
            }
        }
        let mut c = base.unwrap_or_else(|| look.sky(x, y));
        for &(g, a) in glows[..n].iter().rev() {
            c = mix(c, g, a);
        }
        c
    }

    pub fn render(&self, look: &Look, w: u32, h: u32) -> RgbImage {
        // Vignette split into a column and a row term, computed once each.
        let vignette_x: Vec<f32> = (0..w)
            .map(|x| ((x as f32 / look.w - 0.5) * 1.4).powi(2))
            .collect();
        let mut img = RgbImage::new(w, h);
        for (y, row) in img.rows_mut().enumerate() {
            let yf = y as f32 + 0.5;
            let vignette_y = ((yf / look.h - 0.5) * 1.4).powi(2);
            // Grain from a per-row generator: one hash per row instead of per pixel.
            let mut grain_state = hash(look.seed, 0, y as u32) | 1;
            for (col, px) in row.enumerate() {
                let c = self.colour(col, yf, look);
                // Vignette and grain: what makes flat shapes read as a photograph.
                let vignette = 1.0 - 0.35 * (vignette_x[col] + vignette_y);
                grain_state ^= grain_state << 13;
                grain_state ^= grain_state >> 7;
                grain_state ^= grain_state << 17;
                let grain = (grain_state & 7) as f32 - 3.5;
                px.0 = c.map(|ch| (ch * vignette + grain).clamp(0.0, 255.0) as u8);
            }
        }
        img
    }
}

fn shade(paint: Paint, x: f32, y: f32, look: &Look) -> Rgb {
    match paint {
        Paint::Flat(c) | Paint::Glow(c, _) => c,
        Paint::Windows {
            base,
            cell,
            lit,
            key,
        } => {
            let (cx, cy) = ((x / cell) as u32, (y / cell) as u32);
            if cx % 3 != 1 || cy % 3 != 1 {
                base
            } else if hash(key, cx, cy) % 100 < lit {
                mix(base, look.light, if look.night { 0.9 } else { 0.35 })
            } else {
                mix(base, BLACK, 0.2)
            }
        }
        Paint::Stripes {
            a,
            b,
            period,
            upright,
        } => {
            let v = if upright { x } else { y };
            if (v / period) as i64 % 2 == 0 { a } else { b }
        }
        Paint::Checks { a, b, cell } => {
            if ((x / cell) as i64 + (y / cell) as i64) % 2 == 0 {
                a
            } else {
                b
            }
        }
        Paint::Dots {
            base,
            dots,
            cell,
            share,
            key,
        } => {
            let v = hash(key, (x / cell) as u32, (y / cell) as u32);
            if v % 100 < share {
                dots[(v >> 8) as usize % 3]
            } else {
                base
            }
        }
        Paint::Fade {
            top,
            bottom,
            from,
            to,
        } => mix(
            top,
            bottom,
            ((y - from) / (to - from).max(1.0)).clamp(0.0, 1.0),
        ),
        Paint::Water => look.water(x, y),
    }
}

pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// A cheap integer hash for grain, stars and lit windows (splitmix-style).
pub fn hash(seed: u64, x: u32, y: u32) -> u64 {
    let mut z = seed ^ (u64::from(x) << 32 | u64::from(y)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
