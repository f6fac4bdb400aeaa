//! Scenes under the sky: cities, crowds, water, buildings of state, camps, ports, markets,
//! wind farms and observatories.

use std::f32::consts::TAU;

use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;

use super::canvas::{BLACK, Canvas, Look, Paint, Rgb, WHITE, flat, mix, stripes};

const STONE: Rgb = [226., 216., 196.];
const SAND: Rgb = [214., 190., 150.];
const GRASS: Rgb = [96., 150., 70.];
const CONCRETE: Rgb = [150., 150., 145.];
const WOOD: Rgb = [182., 136., 88.];
const GLASS: Rgb = [120., 150., 170.];
const TENTS: [Rgb; 3] = [[236., 236., 228.], [170., 200., 226.], [222., 206., 170.]];

pub fn skyline(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    hills(c, r, k);
    c.rect(0.0, k.w, k.horizon, k.h, k.ground(k.near));
    city(c, r, k, (0.04, 0.45), k.h);
}

/// A rally: placards above heads and shoulders.
pub fn crowd(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    hills(c, r, k);
    c.rect(0.0, w, k.horizon, h, k.ground(k.near));
    if r.random_bool(0.5) {
        city(c, r, k, (0.03, 0.14), k.horizon + 1.0);
    }
    for _ in 0..r.random_range(2..7) {
        let x = w * r.random_range(0.05..0.95);
        let top = h - u * r.random_range(0.32..0.42);
        c.line((x, top), (x, h), u * 0.006, flat(k.near));
        let board = if r.random_bool(0.5) {
            k.accent(r)
        } else {
            k.tint(WHITE)
        };
        c.rect(x - u * 0.05, x + u * 0.05, top - u * 0.06, top, flat(board));
    }
    people(c, r, k, 2, mix(k.near, BLACK, 0.55));
}

pub fn waterfront(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    hills(c, r, k);
    c.rect(0.0, k.w, k.horizon, k.h, Paint::Water);
    city(c, r, k, (0.02, 0.09), k.horizon + 1.0);
}

/// A domed, columned house of parliament with a flag and steps.
pub fn parliament(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    hills(c, r, k);
    c.rect(0.0, w, hz, h, k.ground(STONE));
    let (cx, base) = (w * r.random_range(0.4..0.6), hz + (h - hz) * 0.35);
    let stone = k.tint(STONE);
    let shadow = mix(stone, k.near, 0.45);
    let columns = stripes(stone, shadow, u * 0.018, true);
    let (half, portico) = (w * r.random_range(0.3..0.4), w * r.random_range(0.09..0.13));
    let cell = (u * 0.012).max(2.0);
    let wings = Paint::Windows {
        base: stone,
        cell,
        lit: 25,
        key: r.next_u64(),
    };
    c.rect(cx - half, cx + half, base - h * 0.16, base, wings);
    let top = base - h * 0.22;
    c.rect(cx - portico, cx + portico, top, base, columns);
    c.peak(cx, portico + u * 0.015, top, h * 0.06, flat(stone));
    let eave = portico + u * 0.015;
    c.rect(
        cx - eave,
        cx + eave,
        top - u * 0.008,
        top + u * 0.01,
        flat(shadow),
    );
    let (dome, drum) = (portico * 0.72, top - h * 0.13);
    c.rect(cx - dome, cx + dome, drum, top - h * 0.03, columns);
    c.fill(
        cx - dome,
        cx + dome,
        flat(mix(stone, k.sky_low, 0.2)),
        |x| {
            let d = (1.0 - ((x - cx) / dome).powi(2)).max(0.0).sqrt();
            (drum - dome * 0.8 * d, drum + 1.0)
        },
    );
    let (mast, flag) = (drum - dome * 0.8, drum - dome * 0.8 - h * 0.09);
    c.line((cx, mast), (cx, flag), u * 0.005, flat(shadow));
    c.rect(cx, cx + u * 0.08, flag, flag + u * 0.05, flat(k.accent(r)));
    for i in 0..5 {
        let (y, spread) = (base + i as f32 * u * 0.012, portico + i as f32 * u * 0.02);
        let tone = if i % 2 == 0 {
            stone
        } else {
            mix(stone, shadow, 0.4)
        };
        c.rect(cx - spread, cx + spread, y, y + u * 0.012, flat(tone));
    }
}

/// A row of flags in front of a glass conference hall.
pub fn flags(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    hills(c, r, k);
    c.rect(0.0, w, hz, h, k.ground(STONE));
    let glass = mix(k.tint(GLASS), k.sky_low, 0.3);
    let cell = (u * 0.009).max(2.0);
    let facade = Paint::Windows {
        base: glass,
        cell,
        lit: 40,
        key: r.next_u64(),
    };
    c.rect(
        w * 0.04,
        w * 0.96,
        hz - h * r.random_range(0.15..0.3),
        hz + h * 0.06,
        facade,
    );
    let n = r.random_range(5..10);
    let (base, top) = (hz + (h - hz) * 0.45, hz - h * 0.22);
    for i in 0..n {
        let x = w * (0.08 + 0.84 * i as f32 / (n - 1) as f32);
        c.line((x, top), (x, base), u * 0.007, flat(k.tint(WHITE)));
        let (a, b) = (k.accent(r), k.accent(r));
        let cloth = if r.random_bool(0.6) {
            stripes(a, b, u * 0.017, r.random_bool(0.5))
        } else {
            flat(a)
        };
        c.rect(x, x + u * 0.085, top, top + u * 0.052, cloth);
    }
}

/// Rows of tents on open ground, people between them.
pub fn camp(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    hills(c, r, k);
    c.rect(0.0, w, hz, h, k.ground(SAND));
    for row in 0..4 {
        let y = hz + (h - hz) * (0.12 + 0.27 * row as f32);
        let size = u * (0.04 + 0.045 * row as f32);
        let mut x = -r.random_range(0.0..size);
        while x < w + size {
            let canvas = k.tint(TENTS[r.random_range(0..TENTS.len())]);
            c.peak(x, size, y, size * 0.8, flat(mix(canvas, k.near, 0.3)));
            c.fill(x - size, x, flat(canvas), |px| {
                (y - size * 0.8 * (1.0 - (x - px) / size), y)
            });
            c.peak(
                x,
                size * 0.18,
                y,
                size * 0.3,
                flat(mix(canvas, BLACK, 0.55)),
            );
            x += size * r.random_range(2.3..3.2);
        }
        if row == 1 {
            for _ in 0..r.random_range(2..5) {
                let x = w * r.random_range(0.0..1.0);
                c.person(x, y + u * 0.04, u * 0.1, flat(k.near));
            }
        }
    }
}

/// A container terminal: stacks on the quay, gantry cranes, a ship alongside.
pub fn port(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    hills(c, r, k);
    c.rect(0.0, w, hz, h, Paint::Water);
    let quay = hz + (h - hz) * 0.2;
    c.rect(0.0, w * 0.8, hz - u * 0.01, quay, flat(k.tint(CONCRETE)));
    let (bw, bh) = (u * 0.09, u * 0.035);
    let mut x = w * 0.02;
    while x < w * 0.72 {
        for level in 0..r.random_range(1..5) {
            let colour = k.accent(r);
            let y = hz - bh * level as f32;
            let ribs = stripes(colour, mix(colour, BLACK, 0.25), u * 0.005, true);
            c.rect(x, x + bw, y - bh, y, ribs);
        }
        x += bw * r.random_range(1.0..1.6);
    }
    for _ in 0..r.random_range(2..4) {
        let (x, top) = (
            w * r.random_range(0.1..0.7),
            hz - h * r.random_range(0.25..0.35),
        );
        let steel = flat(k.accent(r));
        let apex = (x + u * 0.035, top - u * 0.1);
        c.line((x, hz), (x, top), u * 0.012, steel);
        c.line((x + u * 0.07, hz), (x + u * 0.07, top), u * 0.012, steel);
        c.line((x - u * 0.08, top), (x + u * 0.3, top), u * 0.014, steel);
        c.line(apex, (x + u * 0.3, top), u * 0.005, steel);
        c.line(apex, (x - u * 0.08, top), u * 0.005, steel);
    }
    let (sx, length) = (w * r.random_range(0.5..0.75), w * 0.4);
    c.fill(sx, sx + length, flat(mix(k.near, BLACK, 0.3)), |x| {
        let bow = ((x - sx) / length).powi(4) * u * 0.05;
        (quay - u * 0.02, quay + u * 0.05 - bow)
    });
}

/// Market stalls under striped awnings, shoppers in front.
pub fn market(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    c.rect(0.0, w, hz, h, k.ground(STONE));
    city(c, r, k, (0.1, 0.3), hz + h * 0.05);
    let n = r.random_range(3..6);
    let stall = w / n as f32;
    for i in 0..n {
        let (x0, x1) = (i as f32 * stall + stall * 0.05, (i as f32 + 0.95) * stall);
        let (top, counter) = (hz - h * r.random_range(0.02..0.08), hz + h * 0.1);
        for x in [x0 + u * 0.01, x1 - u * 0.01] {
            c.line((x, top), (x, counter), u * 0.008, flat(k.near));
        }
        let awning = stripes(k.accent(r), k.tint(WHITE), u * 0.025, true);
        c.rect(x0, x1, top, top + h * 0.07, awning);
        c.rect(x0, x1, counter, counter + h * 0.1, flat(k.tint(WOOD)));
        let fruit = [k.accent(r), k.accent(r)];
        let (mut x, mut i) = (x0 + u * 0.02, 0);
        while x < x1 - u * 0.02 {
            c.ellipse(
                x,
                counter - u * 0.012,
                u * 0.014,
                u * 0.014,
                flat(fruit[i % 2]),
            );
            (x, i) = (x + u * 0.028, i + 1);
        }
    }
    people(c, r, k, 1, mix(k.near, BLACK, 0.5));
}

/// Wind turbines on rolling land, smaller with distance.
pub fn wind_farm(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    hills(c, r, k);
    c.rect(0.0, w, hz, h, k.ground(GRASS));
    let mut depths: Vec<f32> = (0..r.random_range(3..8))
        .map(|_| r.random_range(0.0..1.0))
        .collect();
    depths.sort_by(f32::total_cmp);
    for d in depths {
        let size = u * (0.2 + 0.3 * d);
        let (x, base) = (w * r.random_range(0.05..0.95), hz + (h - hz) * 0.25 * d);
        let body = flat(mix(k.tint(WHITE), k.sky_low, 0.45 * (1.0 - d)));
        let hub = (x, base - size);
        c.line((x, base), hub, size * 0.025, body);
        let turn: f32 = r.random_range(0.0..TAU);
        for blade in 0..3 {
            let a = turn + blade as f32 * TAU / 3.0;
            let tip = (hub.0 + a.cos() * size * 0.5, hub.1 + a.sin() * size * 0.5);
            c.line(hub, tip, size * 0.02, body);
        }
        c.ellipse(hub.0, hub.1, size * 0.03, size * 0.03, body);
    }
}

/// Telescope domes on a hilltop.
pub fn observatory(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    c.rect(0.0, w, hz, h, k.ground(k.near));
    let cx = w * r.random_range(0.3..0.7);
    let summit = hz - h * r.random_range(0.12..0.2);
    let slope = move |x: f32| summit + ((x - cx) / w).powi(2) * h * 1.2;
    c.fill(0.0, w, flat(mix(k.near, k.far, 0.4)), |x| {
        (slope(x), hz + 1.0)
    });
    let white = k.tint(WHITE);
    for (dx, size) in [(0.0, 0.12), (w * 0.14, 0.07)] {
        let (x, dome) = (cx + dx, u * size);
        let base = slope(x) + u * 0.01;
        let wall = base - dome * 0.8;
        c.rect(
            x - dome,
            x + dome,
            wall,
            base,
            flat(mix(white, k.near, 0.25)),
        );
        c.fill(x - dome, x + dome, flat(white), |px| {
            let d = (1.0 - ((px - x) / dome).powi(2)).max(0.0).sqrt();
            (wall - dome * d, wall + 1.0)
        });
        let slit = flat(mix(white, BLACK, 0.6));
        c.rect(
            x - dome * 0.08,
            x + dome * 0.08,
            wall - dome * 0.95,
            wall - dome * 0.05,
            slit,
        );
    }
}

/// Far and near hills along the horizon.
fn hills(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    for (lift, amplitude, colour) in [
        (0.10, 0.06, mix(k.far, k.sky_low, 0.35)),
        (0.03, 0.04, mix(k.near, k.far, 0.45)),
    ] {
        let waves: Vec<(f32, f32, f32)> = (0..4)
            .map(|n| {
                let freq = r.random_range(1.0..3.0) * (n + 1) as f32;
                (freq, r.random_range(0.0..TAU), 1.0 / (n + 1) as f32)
            })
            .collect();
        let (base, amp, w) = (k.horizon - k.h * lift, k.h * amplitude, k.w);
        c.fill(0.0, k.w, flat(colour), |x| {
            let t = x / w * TAU;
            let v: f32 = waves.iter().map(|(f, p, a)| (t * f + p).sin() * a).sum();
            (base - v * amp, k.horizon + 1.0)
        });
    }
}

/// Buildings along the horizon, `height` (lowest, tallest) in shares of the picture,
/// standing down to `bottom`.
fn city(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look, height: (f32, f32), bottom: f32) {
    let mut x = -r.random_range(0.0..k.w * 0.05);
    let mut i = 0;
    let lit = if k.night { 45 } else { 12 };
    let cell = (k.unit * 0.012).max(2.0);
    while x < k.w {
        let width = k.w * r.random_range(0.03..0.09);
        let tall = if r.random_bool(0.15) {
            height.1
        } else {
            (height.0 + height.1) / 2.0
        };
        let top = k.horizon - k.h * r.random_range(height.0..tall.max(height.0 + 0.01));
        let base = mix(k.near, k.far, 0.15 + 0.1 * (i % 3) as f32);
        let facade = Paint::Windows {
            base,
            cell,
            lit,
            key: r.next_u64(),
        };
        c.rect(x, x + width, top, bottom, facade);
        x += width * r.random_range(0.7..1.05);
        i += 1;
    }
}

/// Heads and shoulders along the bottom edge, in `rows` rows.
pub fn people(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look, rows: usize, colour: Rgb) {
    let top = crowd_line(r, k, rows);
    c.fill(0.0, k.w, flat(colour), |x| (top[x as usize], k.h));
}

/// The top of a crowd per column.
pub fn crowd_line(r: &mut ChaCha8Rng, k: &Look, rows: usize) -> Vec<f32> {
    let (w, h, unit) = (k.w, k.h, k.unit);
    let mut profile = vec![f32::INFINITY; w as usize];
    for row in 0..rows {
        let back = row + 1 < rows;
        let head = unit * if back { 0.035 } else { 0.05 };
        let base = h - unit * if back { 0.17 } else { 0.06 };
        let mut x = -head;
        while x < w + head {
            let cy = base - r.random_range(0.0..head * 1.2);
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
                *p = p.min(head_top).min(shoulder_y + head * 1.5 * s * s);
            }
            x += head * r.random_range(2.2..3.4);
        }
    }
    profile
}
