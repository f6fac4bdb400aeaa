//! Rooms and grounds: a laboratory, a server hall, a concert stage, a gallery, and the
//! places sport is played.

use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;

use super::canvas::{BLACK, Canvas, DEEP, Look, Paint, Rgb, WHITE, flat, mix, stripes};
use super::outdoor::crowd_line;

const WALLS: [Rgb; 3] = [[234., 228., 214.], [214., 226., 232.], [196., 200., 204.]];
const WOOD: [Rgb; 2] = [[196., 150., 100.], [182., 136., 88.]];
const PITCH: [Rgb; 2] = [[70., 150., 70.], [60., 134., 62.]];
const GRASS: Rgb = [96., 150., 70.];
const TRACK: Rgb = [190., 96., 64.];
const COURTS: [Rgb; 3] = [[60., 110., 170.], [70., 140., 90.], [196., 110., 70.]];
const FRAME: Rgb = [150., 110., 50.];
const RIM: Rgb = [235., 110., 30.];
const LEDS: [Rgb; 3] = [[60., 230., 120.], [70., 150., 255.], [255., 180., 60.]];

/// A window, shelves of bottles, glassware on a bench under hanging lamps.
pub fn lab(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    let (wall, steel) = (k.tint(WALLS[1]), k.tint(WALLS[2]));
    let fade = |top: Rgb, bottom: Rgb, from: f32, to: f32| Paint::Fade {
        top,
        bottom,
        from,
        to,
    };
    c.rect(0.0, w, 0.0, h, fade(wall, mix(wall, k.near, 0.3), 0.0, h));
    c.rect(
        w * 0.06,
        w * 0.42,
        h * 0.08,
        h * 0.45,
        fade(k.sky_top, k.sky_low, h * 0.08, h * 0.45),
    );
    c.line(
        (w * 0.24, h * 0.08),
        (w * 0.24, h * 0.45),
        u * 0.012,
        flat(k.tint(WHITE)),
    );
    let tiles = Paint::Checks {
        a: steel,
        b: mix(steel, k.near, 0.2),
        cell: u * 0.05,
    };
    c.rect(0.0, w, h * 0.8, h, tiles);
    for y in [h * 0.2, h * 0.36] {
        c.rect(w * 0.55, w * 0.95, y, y + u * 0.01, flat(steel));
        let mut x = w * 0.57;
        while x < w * 0.93 {
            let tall = u * r.random_range(0.04..0.09);
            let bottle = mix(k.accent(r), k.tint(WHITE), 0.4);
            c.rect(x, x + u * 0.03, y - tall, y, flat(bottle));
            x += u * r.random_range(0.04..0.07);
        }
    }
    let bench = h * 0.6;
    c.rect(
        0.0,
        w,
        bench,
        h * 0.82,
        stripes(steel, mix(steel, k.near, 0.3), w / 7.0, true),
    );
    c.rect(
        0.0,
        w,
        bench - u * 0.02,
        bench + u * 0.01,
        flat(mix(k.near, BLACK, 0.3)),
    );
    let top = bench - u * 0.02;
    for _ in 0..r.random_range(3..7) {
        let (x, size) = (
            w * r.random_range(0.05..0.95),
            u * r.random_range(0.03..0.06),
        );
        let glass = flat(mix(k.accent(r), k.tint(WHITE), 0.5));
        c.ellipse(x, top - size, size, size, glass);
        c.rect(
            x - size * 0.3,
            x + size * 0.3,
            top - size * 2.6,
            top - size,
            glass,
        );
    }
    let lamp = flat(mix(k.near, BLACK, 0.4));
    for x in [w * 0.3, w * 0.7] {
        c.line((x, 0.0), (x, h * 0.1), u * 0.004, lamp);
        c.peak(x, u * 0.06, h * 0.14, u * 0.04, lamp);
        c.peak(
            x,
            w * 0.16,
            bench,
            bench - h * 0.14,
            Paint::Glow(k.tint(WHITE), 0.12),
        );
    }
}

/// Racks of servers with their status lights, a tiled floor, a light strip above.
pub fn server_room(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    let steel = k.tint(WALLS[2]);
    let wall = Paint::Fade {
        top: DEEP,
        bottom: mix(steel, DEEP, 0.7),
        from: 0.0,
        to: h,
    };
    c.rect(0.0, w, 0.0, h, wall);
    let floor = Paint::Checks {
        a: mix(steel, DEEP, 0.6),
        b: mix(steel, DEEP, 0.75),
        cell: u * 0.07,
    };
    c.rect(0.0, w, h * 0.8, h, floor);
    let n = r.random_range(5..10);
    let width = w / n as f32;
    for i in 0..n {
        let x = i as f32 * width + width * 0.06;
        let base = mix(DEEP, BLACK, 0.3);
        let cell = (u * 0.007).max(1.5);
        let rack = Paint::Dots {
            base,
            dots: LEDS,
            cell,
            share: 9,
            key: r.next_u64(),
        };
        c.rect(x, x + width * 0.88, h * 0.12, h * 0.82, rack);
        c.rect(
            x,
            x + width * 0.88,
            h * 0.12,
            h * 0.14,
            flat(mix(DEEP, WHITE, 0.15)),
        );
    }
    c.rect(0.0, w, 0.0, h * 0.03, flat(k.tint(WHITE)));
    c.rect(0.0, w, h * 0.03, h * 0.3, Paint::Glow(k.tint(WHITE), 0.08));
}

/// A concert: spotlights on a truss, beams onto the band, raised arms in the crowd.
pub fn stage(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    let backdrop = mix(DEEP, k.accent(r), 0.25);
    let dark = mix(DEEP, BLACK, 0.5);
    c.rect(
        0.0,
        w,
        0.0,
        h,
        Paint::Fade {
            top: dark,
            bottom: backdrop,
            from: 0.0,
            to: h * 0.65,
        },
    );
    let floor = h * 0.66;
    c.rect(0.0, w, floor, h, flat(mix(DEEP, k.tint(WOOD[1]), 0.3)));
    c.rect(0.0, w, h * 0.07, h * 0.09, flat(mix(DEEP, WHITE, 0.25)));
    for _ in 0..r.random_range(4..8) {
        let x = w * r.random_range(0.05..0.95);
        let beam = mix(k.accent(r), WHITE, 0.4);
        c.ellipse(x, h * 0.1, u * 0.015, u * 0.015, flat(beam));
        let reach = w * r.random_range(0.08..0.18);
        let foot = x + w * r.random_range(-0.15..0.15);
        c.fill(foot - reach, foot + reach, Paint::Glow(beam, 0.22), |px| {
            let t = ((px - foot).abs() / reach).min(1.0);
            (h * 0.1 + (floor - h * 0.1) * t, floor)
        });
    }
    for _ in 0..r.random_range(1..5) {
        let x = w * r.random_range(0.25..0.75);
        c.person(x, floor, h * 0.28, flat(mix(DEEP, BLACK, 0.6)));
    }
    let crowd = crowd_line(r, k, 2);
    for _ in 0..r.random_range(3..9) {
        let x = w * r.random_range(0.0..1.0);
        let top = crowd[(x as usize).min(crowd.len().saturating_sub(1))];
        c.line(
            (x, top + u * 0.02),
            (x + u * 0.03, top - u * 0.1),
            u * 0.018,
            flat(BLACK),
        );
    }
    c.fill(0.0, w, flat(mix(DEEP, BLACK, 0.7)), |x| {
        (crowd[x as usize], h)
    });
}

/// Framed pictures under spotlights, a bench, visitors looking.
pub fn gallery(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    let wall = k.tint(WALLS[r.random_range(0..WALLS.len())]);
    let paint = Paint::Fade {
        top: mix(wall, k.near, 0.15),
        bottom: wall,
        from: 0.0,
        to: h * 0.75,
    };
    c.rect(0.0, w, 0.0, h, paint);
    c.rect(
        0.0,
        w,
        h * 0.76,
        h,
        stripes(k.tint(WOOD[0]), k.tint(WOOD[1]), u * 0.03, false),
    );
    c.rect(0.0, w, h * 0.75, h * 0.77, flat(mix(wall, k.near, 0.4)));
    let n = r.random_range(2..4);
    for i in 0..n {
        let cx = w * (i as f32 + 0.5) / n as f32;
        let width = w / n as f32 * r.random_range(0.35..0.6);
        let (tall, margin) = (h * r.random_range(0.2..0.38), u * 0.015);
        let (l, top) = (cx - width / 2.0, h * 0.42 - tall / 2.0);
        c.peak(
            cx,
            width,
            h * 0.75,
            h * 0.7,
            Paint::Glow(k.tint(WHITE), 0.1),
        );
        c.rect(l, l + width, top, top + tall, flat(k.tint(FRAME)));
        c.rect(
            l + margin,
            l + width - margin,
            top + margin,
            top + tall - margin,
            flat(k.accent(r)),
        );
        for _ in 0..r.random_range(1..4) {
            let x = l + margin + width * r.random_range(0.1..0.6);
            let y = top + margin + tall * r.random_range(0.1..0.6);
            c.rect(x, x + width * 0.3, y, y + tall * 0.3, flat(k.accent(r)));
        }
    }
    c.rect(
        w * 0.3,
        w * 0.7,
        h * 0.8,
        h * 0.84,
        flat(mix(k.near, BLACK, 0.3)),
    );
    for _ in 0..r.random_range(1..3) {
        let x = w * r.random_range(0.1..0.9);
        c.person(x, h * 0.97, h * 0.5, flat(mix(k.near, BLACK, 0.4)));
    }
}

/// A football ground (`track` false) or an athletics stadium, full stands and floodlights.
pub fn stadium(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look, track: bool) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    stands(c, r, k, hz - h * 0.2, hz);
    for _ in 0..r.random_range(2..5) {
        let x = w * r.random_range(0.05..0.95);
        let top = hz - h * r.random_range(0.38..0.48);
        c.line((x, hz), (x, top), u * 0.008, flat(k.near));
        c.rect(
            x - u * 0.04,
            x + u * 0.04,
            top - u * 0.03,
            top,
            flat(k.tint(WHITE)),
        );
        if k.night {
            c.halo(x, top, u * 0.16, k.light);
        }
    }
    let white = flat(k.tint(WHITE));
    if track {
        let infield = hz + (h - hz) * 0.18;
        c.rect(0.0, w, hz, infield, k.ground(GRASS));
        c.rect(0.0, w, infield, h, flat(k.tint(TRACK)));
        for lane in 0..9 {
            let t = lane as f32 / 8.0;
            let y = infield + (h - infield) * t.powf(1.3);
            c.rect(0.0, w, y, y + u * (0.004 + 0.006 * t), white);
        }
        return;
    }
    let grass = stripes(k.tint(PITCH[0]), k.tint(PITCH[1]), (h - hz) / 7.0, false);
    c.rect(0.0, w, hz, h, grass);
    let (cx, cy) = (w * r.random_range(0.35..0.65), (hz + h) / 2.0);
    let (rx, ry, line) = (w * 0.2, (h - hz) * 0.22, u * 0.008);
    c.rect(0.0, w, hz + u * 0.01, hz + u * 0.016, white);
    c.ellipse(cx, cy, rx, ry, white);
    c.ellipse(cx, cy, rx - line, ry - line, grass);
    c.line(
        (cx - w * 0.03, hz + u * 0.01),
        (cx + w * 0.03, h),
        u * 0.007,
        white,
    );
}

/// A tennis court seen from behind the baseline: stands, windscreen, net.
pub fn tennis_court(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u, hz) = (k.w, k.h, k.unit, k.horizon);
    stands(c, r, k, hz - h * 0.2, hz - h * 0.08);
    c.rect(
        0.0,
        w,
        hz - h * 0.08,
        hz,
        flat(mix(k.tint(PITCH[1]), BLACK, 0.45)),
    );
    let surface = k.tint(COURTS[r.random_range(0..COURTS.len())]);
    c.rect(0.0, w, hz, h, flat(mix(surface, BLACK, 0.15)));
    let (cx, far, near) = (w / 2.0, hz + (h - hz) * 0.1, h * 0.96);
    let (far_half, near_half) = (w * 0.2, w * 0.46);
    let spread = near_half - far_half;
    let at = move |t: f32| (far + (near - far) * t, far_half + spread * t);
    c.fill(cx - near_half, cx + near_half, flat(surface), |x| {
        let t = (((x - cx).abs() - far_half) / spread).max(0.0);
        (at(t).0, near)
    });
    let white = flat(k.tint(WHITE));
    for s in [-1.0, 1.0] {
        c.line(
            (cx + s * far_half, far),
            (cx + s * near_half, near),
            u * 0.006,
            white,
        );
    }
    c.rect(cx - far_half, cx + far_half, far, far + u * 0.005, white);
    c.rect(
        cx - near_half,
        cx + near_half,
        near - u * 0.008,
        near,
        white,
    );
    c.line((cx, at(0.1).0), (cx, at(0.7).0), u * 0.005, white);
    let (net, half) = at(0.3);
    let (l, right) = (cx - half - u * 0.03, cx + half + u * 0.03);
    let cell = (u * 0.006).max(1.5);
    let mesh = Paint::Checks {
        a: mix(DEEP, BLACK, 0.4),
        b: mix(surface, BLACK, 0.4),
        cell,
    };
    c.rect(l, right, net - u * 0.06, net, mesh);
    c.rect(l, right, net - u * 0.066, net - u * 0.058, white);
}

/// A basketball arena: stands, a wooden floor with the painted key, the backboard.
pub fn arena(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    let (w, h, u) = (k.w, k.h, k.unit);
    c.rect(0.0, w, 0.0, h, flat(mix(DEEP, BLACK, 0.3)));
    stands(c, r, k, h * 0.08, h * 0.5);
    c.rect(
        0.0,
        w,
        h * 0.5,
        h,
        stripes(k.tint(WOOD[0]), k.tint(WOOD[1]), u * 0.035, true),
    );
    let cx = w * r.random_range(0.4..0.6);
    let white = flat(k.tint(WHITE));
    c.rect(0.0, w, h * 0.56, h * 0.565, white);
    c.fill(cx - w * 0.2, cx + w * 0.2, flat(k.accent(r)), |x| {
        let edge = ((x - cx).abs() - w * 0.12).max(0.0) / (w * 0.08);
        (h * 0.565, h * 0.565 + h * 0.3 * (1.0 - edge))
    });
    let board = h * 0.22;
    c.line(
        (cx, h * 0.56),
        (cx, board),
        u * 0.012,
        flat(mix(DEEP, WHITE, 0.3)),
    );
    let glass = mix(k.tint(WHITE), DEEP, 0.1);
    c.rect(
        cx - u * 0.12,
        cx + u * 0.12,
        board - u * 0.08,
        board,
        flat(glass),
    );
    c.rect(
        cx - u * 0.04,
        cx + u * 0.04,
        board - u * 0.05,
        board - u * 0.012,
        flat(k.accent(r)),
    );
    c.rect(
        cx - u * 0.045,
        cx + u * 0.045,
        board,
        board + u * 0.01,
        flat(k.tint(RIM)),
    );
    c.rect(0.0, w, 0.0, h * 0.5, Paint::Glow(k.tint(WHITE), 0.06));
}

/// Terraces full of spectators between `top` and `bottom`, under a roof.
fn stands(c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look, top: f32, bottom: f32) {
    let dots = [k.accent(r), k.accent(r), k.tint(WHITE)];
    let (w, h) = (k.w, k.h);
    let curve = move |x: f32| top + h * 0.04 * ((x / w - 0.5) * 2.0).powi(2);
    let base = mix(k.near, DEEP, 0.4);
    let cell = (k.unit * 0.006).max(1.5);
    let fans = Paint::Dots {
        base,
        dots,
        cell,
        share: 45,
        key: r.next_u64(),
    };
    c.fill(0.0, w, fans, |x| (curve(x), bottom));
    c.fill(0.0, w, flat(mix(k.near, BLACK, 0.4)), |x| {
        (curve(x) - h * 0.03, curve(x))
    });
}
