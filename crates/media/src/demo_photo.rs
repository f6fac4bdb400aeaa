//! Abstract but photo-like images for the demo newsroom: a sky, a sun or moon, hills, a
//! city skyline or a crowd in silhouette. Deterministic for a seed, real JPEG files, and
//! cheap: every shape is a per-column height profile, so a pixel costs a few comparisons.

use image::RgbImage;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::encode;
use crate::error::MediaError;

/// Aspect ratios the demo pool uses (width, height).
pub const DEMO_ASPECTS: [(u32, u32); 5] = [(3, 2), (16, 9), (4, 3), (1, 1), (2, 3)];

/// Width and height of a demo photo of `aspect` whose longer side is `long_edge`.
pub fn demo_dimensions(aspect: (u32, u32), long_edge: u32) -> (u32, u32) {
    let (a, b) = (aspect.0.max(1), aspect.1.max(1));
    if a >= b {
        (long_edge, (long_edge * b / a).max(1))
    } else {
        ((long_edge * a / b).max(1), long_edge)
    }
}

/// The light of the scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoPalette {
    Dawn,
    Noon,
    Dusk,
    Night,
    Overcast,
}

impl DemoPalette {
    pub const ALL: [DemoPalette; 5] = [
        DemoPalette::Dawn,
        DemoPalette::Noon,
        DemoPalette::Dusk,
        DemoPalette::Night,
        DemoPalette::Overcast,
    ];

    /// A palette chosen by the seed, for callers with no preference.
    pub fn from_seed(seed: u64) -> Self {
        Self::ALL[(seed % Self::ALL.len() as u64) as usize]
    }

    /// (sky top, sky at horizon, sun, far land, near land, lit window)
    fn colours(self) -> [[f32; 3]; 6] {
        match self {
            DemoPalette::Dawn => [
                [70., 92., 150.],
                [248., 186., 150.],
                [255., 236., 200.],
                [150., 120., 150.],
                [52., 40., 62.],
                [255., 214., 150.],
            ],
            DemoPalette::Noon => [
                [58., 120., 200.],
                [186., 218., 240.],
                [255., 255., 240.],
                [120., 150., 170.],
                [46., 70., 62.],
                [235., 240., 230.],
            ],
            DemoPalette::Dusk => [
                [40., 34., 90.],
                [240., 120., 70.],
                [255., 200., 120.],
                [120., 60., 90.],
                [30., 20., 38.],
                [255., 196., 110.],
            ],
            DemoPalette::Night => [
                [8., 12., 32.],
                [40., 58., 100.],
                [230., 232., 220.],
                [30., 40., 70.],
                [10., 12., 22.],
                [255., 210., 120.],
            ],
            DemoPalette::Overcast => [
                [130., 140., 150.],
                [210., 212., 210.],
                [240., 240., 235.],
                [140., 148., 150.],
                [64., 70., 72.],
                [250., 240., 200.],
            ],
        }
    }
}

#[derive(Clone, Copy)]
enum Foreground {
    Skyline,
    Crowd,
    Water,
}

/// A JPEG of `width`×`height` (each clamped to 16–8000) for `seed` in `palette`.
pub fn generate_demo_photo(
    seed: u64,
    width: u32,
    height: u32,
    palette: DemoPalette,
) -> Result<Vec<u8>, MediaError> {
    encode::jpeg(&demo_pixels(seed, width, height, palette), 86)
}

/// The pixels of [`generate_demo_photo`], before JPEG encoding.
pub fn demo_pixels(seed: u64, width: u32, height: u32, palette: DemoPalette) -> RgbImage {
    render(seed, width.clamp(16, 8000), height.clamp(16, 8000), palette)
}

/// Everything a pixel's colour depends on besides its position.
struct Scene {
    seed: u64,
    sky_top: [f32; 3],
    sky_low: [f32; 3],
    sun: [f32; 3],
    far: [f32; 3],
    near: [f32; 3],
    window: [f32; 3],
    night: bool,
    horizon: f32,
    height: f32,
    unit: f32,
    sun_pos: (f32, f32),
    sun_r: f32,
    foreground: Foreground,
    /// Per column, the buildings covering it as (index, left, top), frontmost first.
    columns: Vec<Vec<(usize, f32, f32)>>,
    window_cell: f32,
}

fn render(seed: u64, w: u32, h: u32, palette: DemoPalette) -> RgbImage {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let [sky_top, sky_low, sun, far, near, window] = palette.colours();
    let (wf, hf) = (w as f32, h as f32);
    let unit = wf.min(hf);

    let horizon = hf * rng.random_range(0.50..0.68);
    let sun_pos = (
        wf * rng.random_range(0.15..0.85),
        horizon - hf * rng.random_range(0.08..0.35),
    );
    let sun_r = unit * rng.random_range(0.03..0.07);
    let foreground = match rng.random_range(0..3) {
        0 => Foreground::Skyline,
        1 => Foreground::Crowd,
        _ => Foreground::Water,
    };

    let hills_far = ridge(&mut rng, w, horizon - hf * 0.10, hf * 0.06);
    let hills_near = ridge(&mut rng, w, horizon - hf * 0.03, hf * 0.04);
    let (buildings, skyline) = match foreground {
        Foreground::Skyline => city(&mut rng, w, horizon, hf),
        _ => (Vec::new(), vec![f32::INFINITY; w as usize]),
    };
    let crowd = match foreground {
        Foreground::Crowd => crowd(&mut rng, w, hf, unit),
        _ => vec![f32::INFINITY; w as usize],
    };
    let scene = Scene {
        seed,
        sky_top,
        sky_low,
        sun,
        far,
        near,
        window,
        night: matches!(palette, DemoPalette::Night | DemoPalette::Dusk),
        horizon,
        height: hf,
        unit,
        sun_pos,
        sun_r,
        foreground,
        columns: building_columns(&buildings, w),
        window_cell: (unit * 0.012).max(2.0),
    };

    // Vignette split into a column and a row term, computed once each.
    let vignette_x: Vec<f32> = (0..w)
        .map(|x| ((x as f32 / wf - 0.5) * 1.4).powi(2))
        .collect();
    let far_land = mix(far, sky_low, 0.35);
    let crowd_colour = mix(near, [0., 0., 0.], 0.55);
    let near_land = mix(near, far, 0.45);

    let mut img = RgbImage::new(w, h);
    for (y, row) in img.rows_mut().enumerate() {
        let yf = y as f32;
        let vignette_y = ((yf / hf - 0.5) * 1.4).powi(2);
        // Grain from a per-row generator: one hash per row instead of per pixel.
        let mut grain_state = hash(seed, 0, y as u32) | 1;
        for (col, px) in row.enumerate() {
            let xf = col as f32;
            let c = if yf < crowd[col] && yf < skyline[col] && yf < hills_near[col] {
                if yf < hills_far[col] {
                    scene.sky(xf, yf)
                } else {
                    far_land
                }
            } else if yf >= crowd[col] {
                crowd_colour
            } else if yf >= skyline[col] {
                scene.building(col, xf, yf)
            } else if yf < horizon {
                near_land
            } else {
                scene.ground(xf, yf)
            };
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

impl Scene {
    fn sky(&self, x: f32, y: f32) -> [f32; 3] {
        let t = (y / self.horizon.max(1.0)).clamp(0.0, 1.0);
        let base = mix(self.sky_top, self.sky_low, t * t);
        let d = ((x - self.sun_pos.0).powi(2) + (y - self.sun_pos.1).powi(2)).sqrt();
        if d < self.sun_r {
            return self.sun;
        }
        // Soft glow falling off with distance from the disc.
        let glow = (self.sun_r * 4.0 / (d + self.sun_r * 3.0)).powi(2);
        mix(base, self.sun, glow.min(0.9))
    }

    fn ground(&self, x: f32, y: f32) -> [f32; 3] {
        let t = ((y - self.horizon) / (self.height - self.horizon).max(1.0)).clamp(0.0, 1.0);
        match self.foreground {
            Foreground::Water => {
                let water = mix(self.sky_low, self.near, 0.35 + 0.5 * t);
                // The sun's reflection: a shimmering column under it.
                let dx = (x - self.sun_pos.0).abs() / (self.unit * (0.03 + 0.1 * t));
                let ripple = ((y * 0.35).sin() * 0.5 + 0.5) * (1.0 - dx).max(0.0);
                mix(water, self.sun, ripple * 0.6)
            }
            _ => mix(mix(self.near, self.sky_low, 0.25), self.near, t),
        }
    }

    fn building(&self, col: usize, x: f32, y: f32) -> [f32; 3] {
        let found = self
            .columns
            .get(col)
            .and_then(|c| c.iter().find(|(_, _, top)| y >= *top));
        let Some(&(i, left, top)) = found else {
            return self.near;
        };
        let shade = mix(self.near, self.far, 0.15 + 0.1 * (i % 3) as f32);
        let cell = self.window_cell;
        let (cx, cy) = (((x - left) / cell) as u32, ((y - top) / cell) as u32);
        if cx % 3 != 1 || cy % 3 != 1 {
            return shade;
        }
        let lit_share = if self.night { 45 } else { 12 };
        if hash(self.seed ^ i as u64, cx, cy) % 100 < lit_share {
            mix(shade, self.window, if self.night { 0.9 } else { 0.35 })
        } else {
            mix(shade, [0., 0., 0.], 0.2)
        }
    }
}

/// A smooth ridge line: the y of the land's top edge per column.
fn ridge(rng: &mut ChaCha8Rng, w: u32, base: f32, amplitude: f32) -> Vec<f32> {
    let waves: Vec<(f32, f32, f32)> = (0..4)
        .map(|k| {
            let freq = rng.random_range(1.0..3.0) * (k + 1) as f32;
            (
                freq,
                rng.random_range(0.0..std::f32::consts::TAU),
                1.0 / (k + 1) as f32,
            )
        })
        .collect();
    (0..w)
        .map(|x| {
            let t = x as f32 / w as f32 * std::f32::consts::TAU;
            let v: f32 = waves.iter().map(|(f, p, a)| (t * f + p).sin() * a).sum();
            base - v * amplitude
        })
        .collect()
}

/// For each column, the buildings over it, frontmost (drawn last) first: a pixel then
/// checks one or two buildings rather than the whole city.
fn building_columns(buildings: &[(f32, f32, f32)], w: u32) -> Vec<Vec<(usize, f32, f32)>> {
    let mut columns = vec![Vec::new(); w as usize];
    for (i, &(l, r, t)) in buildings.iter().enumerate().rev() {
        let (from, to) = (l.max(0.0) as usize, (r.max(0.0) as usize).min(w as usize));
        for c in columns.iter_mut().take(to).skip(from) {
            c.push((i, l, t));
        }
    }
    columns
}

/// Buildings as (left, right, top) and the skyline profile.
type City = (Vec<(f32, f32, f32)>, Vec<f32>);

fn city(rng: &mut ChaCha8Rng, w: u32, horizon: f32, h: f32) -> City {
    let wf = w as f32;
    let mut buildings = Vec::new();
    let mut x = -rng.random_range(0.0..wf * 0.05);
    while x < wf {
        let bw = wf * rng.random_range(0.03..0.09);
        let tall = if rng.random_bool(0.15) { 0.45 } else { 0.22 };
        let top = horizon - h * rng.random_range(0.04..tall);
        buildings.push((x, x + bw, top));
        x += bw * rng.random_range(0.7..1.05);
    }
    let mut profile = vec![f32::INFINITY; w as usize];
    for &(l, r, t) in &buildings {
        let (l, r) = (l.max(0.0) as usize, (r.min(wf) as usize).min(w as usize));
        for p in &mut profile[l..r] {
            *p = p.min(t);
        }
    }
    (buildings, profile)
}

/// Heads and shoulders along the bottom edge: the top of the crowd per column.
fn crowd(rng: &mut ChaCha8Rng, w: u32, h: f32, unit: f32) -> Vec<f32> {
    let wf = w as f32;
    let mut profile = vec![f32::INFINITY; w as usize];
    for row in 0..2 {
        let head = unit * if row == 0 { 0.035 } else { 0.05 };
        let base = h - unit * if row == 0 { 0.17 } else { 0.06 };
        let mut x = -head;
        while x < wf + head {
            let cy = base - rng.random_range(0.0..head * 1.2);
            let shoulder_y = cy + head * 1.6;
            let reach = head * 2.6;
            let from = (x - reach).max(0.0) as usize;
            let to = ((x + reach).max(0.0) as usize).min(w as usize);
            for (col, p) in profile.iter_mut().enumerate().take(to).skip(from) {
                let dx = col as f32 - x;
                let head_top = if dx.abs() < head {
                    cy - (head * head - dx * dx).sqrt()
                } else {
                    f32::INFINITY
                };
                let s = dx / reach;
                let shoulder_top = shoulder_y + head * 1.5 * s * s;
                *p = p.min(head_top).min(shoulder_top);
            }
            x += head * rng.random_range(2.2..3.4);
        }
    }
    profile
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// A cheap integer hash for grain and window lights (splitmix-style).
fn hash(seed: u64, x: u32, y: u32) -> u64 {
    let mut z = seed ^ (u64::from(x) << 32 | u64::from(y)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portrait_and_landscape_dimensions() {
        assert_eq!(demo_dimensions((3, 2), 1600), (1600, 1066));
        assert_eq!(demo_dimensions((2, 3), 1600), (1066, 1600));
        assert_eq!(demo_dimensions((1, 1), 800), (800, 800));
    }
}
