//! Abstract but photo-like images for the demo newsroom, one kind of scene per kind of
//! story ([`DemoScene`]): a parliament dome against the sky, a stadium under floodlights,
//! cranes over a port, a gallery wall. Deterministic for a seed, real JPEG files, and
//! cheap: every shape is a vertical span per column, so a pixel costs a few comparisons.

mod canvas;
mod outdoor;
mod venues;

use image::RgbImage;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::encode;
use crate::error::MediaError;
use canvas::{Canvas, Look, Rgb};

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
    #[rustfmt::skip]
    fn colours(self) -> [Rgb; 6] {
        match self {
            DemoPalette::Dawn => [[70., 92., 150.], [248., 186., 150.], [255., 236., 200.], [150., 120., 150.], [52., 40., 62.], [255., 214., 150.]],
            DemoPalette::Noon => [[58., 120., 200.], [186., 218., 240.], [255., 255., 240.], [120., 150., 170.], [46., 70., 62.], [235., 240., 230.]],
            DemoPalette::Dusk => [[40., 34., 90.], [240., 120., 70.], [255., 200., 120.], [120., 60., 90.], [30., 20., 38.], [255., 196., 110.]],
            DemoPalette::Night => [[8., 12., 32.], [40., 58., 100.], [230., 232., 220.], [30., 40., 70.], [10., 12., 22.], [255., 210., 120.]],
            DemoPalette::Overcast => [[130., 140., 150.], [210., 212., 210.], [240., 240., 235.], [140., 148., 150.], [64., 70., 72.], [250., 240., 200.]],
        }
    }

    /// How far bright colours sink into the dark land colour in this light.
    fn dim(self) -> f32 {
        match self {
            DemoPalette::Noon => 0.05,
            DemoPalette::Dawn => 0.3,
            DemoPalette::Overcast => 0.3,
            DemoPalette::Dusk => 0.45,
            DemoPalette::Night => 0.6,
        }
    }
}

/// What a demo photo shows. Each fits a kind of story, so the demo can give a football
/// report a stadium and a budget vote a parliament rather than any landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DemoScene {
    Skyline,
    Crowd,
    Waterfront,
    Parliament,
    Flags,
    Camp,
    Port,
    Market,
    WindFarm,
    Observatory,
    Lab,
    ServerRoom,
    Stage,
    Gallery,
    Stadium,
    Track,
    TennisCourt,
    Arena,
}

impl DemoScene {
    pub const ALL: [DemoScene; 18] = [
        DemoScene::Skyline,
        DemoScene::Crowd,
        DemoScene::Waterfront,
        DemoScene::Parliament,
        DemoScene::Flags,
        DemoScene::Camp,
        DemoScene::Port,
        DemoScene::Market,
        DemoScene::WindFarm,
        DemoScene::Observatory,
        DemoScene::Lab,
        DemoScene::ServerRoom,
        DemoScene::Stage,
        DemoScene::Gallery,
        DemoScene::Stadium,
        DemoScene::Track,
        DemoScene::TennisCourt,
        DemoScene::Arena,
    ];

    /// A lowercase name, for storage keys and logs.
    pub fn name(self) -> &'static str {
        match self {
            DemoScene::Skyline => "skyline",
            DemoScene::Crowd => "crowd",
            DemoScene::Waterfront => "waterfront",
            DemoScene::Parliament => "parliament",
            DemoScene::Flags => "flags",
            DemoScene::Camp => "camp",
            DemoScene::Port => "port",
            DemoScene::Market => "market",
            DemoScene::WindFarm => "wind-farm",
            DemoScene::Observatory => "observatory",
            DemoScene::Lab => "lab",
            DemoScene::ServerRoom => "server-room",
            DemoScene::Stage => "stage",
            DemoScene::Gallery => "gallery",
            DemoScene::Stadium => "stadium",
            DemoScene::Track => "track",
            DemoScene::TennisCourt => "tennis-court",
            DemoScene::Arena => "arena",
        }
    }

    /// Indoors there is no sky: captions and alt text say nothing of the daylight.
    pub fn indoor(self) -> bool {
        matches!(
            self,
            DemoScene::Lab
                | DemoScene::ServerRoom
                | DemoScene::Stage
                | DemoScene::Gallery
                | DemoScene::Arena
        )
    }
}

/// A JPEG of `width`×`height` (each clamped to 16–8000) for `seed` in `palette`: a
/// skyline, a crowd or a waterfront, chosen by the seed.
pub fn generate_demo_photo(
    seed: u64,
    width: u32,
    height: u32,
    palette: DemoPalette,
) -> Result<Vec<u8>, MediaError> {
    encode::jpeg(&demo_pixels(seed, width, height, palette), 86)
}

/// A JPEG of `scene`, as [`generate_demo_photo`] makes them.
pub fn generate_demo_scene(
    seed: u64,
    width: u32,
    height: u32,
    palette: DemoPalette,
    scene: DemoScene,
) -> Result<Vec<u8>, MediaError> {
    encode::jpeg(&demo_scene_pixels(seed, width, height, palette, scene), 86)
}

/// The pixels of [`generate_demo_photo`], before JPEG encoding.
pub fn demo_pixels(seed: u64, width: u32, height: u32, palette: DemoPalette) -> RgbImage {
    const OUTDOOR: [DemoScene; 3] = [DemoScene::Skyline, DemoScene::Crowd, DemoScene::Waterfront];
    let scene = OUTDOOR[(seed % 3) as usize];
    demo_scene_pixels(seed, width, height, palette, scene)
}

/// The pixels of [`generate_demo_scene`], before JPEG encoding.
pub fn demo_scene_pixels(
    seed: u64,
    width: u32,
    height: u32,
    palette: DemoPalette,
    scene: DemoScene,
) -> RgbImage {
    let (w, h) = (width.clamp(16, 8000), height.clamp(16, 8000));
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let look = Look::new(&mut rng, w, h, palette, scene.indoor());
    let mut canvas = Canvas::new(w);
    draw(scene, &mut canvas, &mut rng, &look);
    canvas.render(&look, w, h)
}

fn draw(scene: DemoScene, c: &mut Canvas, r: &mut ChaCha8Rng, k: &Look) {
    match scene {
        DemoScene::Skyline => outdoor::skyline(c, r, k),
        DemoScene::Crowd => outdoor::crowd(c, r, k),
        DemoScene::Waterfront => outdoor::waterfront(c, r, k),
        DemoScene::Parliament => outdoor::parliament(c, r, k),
        DemoScene::Flags => outdoor::flags(c, r, k),
        DemoScene::Camp => outdoor::camp(c, r, k),
        DemoScene::Port => outdoor::port(c, r, k),
        DemoScene::Market => outdoor::market(c, r, k),
        DemoScene::WindFarm => outdoor::wind_farm(c, r, k),
        DemoScene::Observatory => outdoor::observatory(c, r, k),
        DemoScene::Lab => venues::lab(c, r, k),
        DemoScene::ServerRoom => venues::server_room(c, r, k),
        DemoScene::Stage => venues::stage(c, r, k),
        DemoScene::Gallery => venues::gallery(c, r, k),
        DemoScene::Stadium => venues::stadium(c, r, k, false),
        DemoScene::Track => venues::stadium(c, r, k, true),
        DemoScene::TennisCourt => venues::tennis_court(c, r, k),
        DemoScene::Arena => venues::arena(c, r, k),
    }
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

    /// Every scene draws something in every light and shape: no flat picture, and two
    /// scenes from one seed are different pictures.
    #[test]
    fn every_scene_is_a_picture_of_its_own() {
        let luma = |p: &image::Rgb<u8>| p.0.iter().map(|c| u32::from(*c)).sum::<u32>();
        for (i, scene) in DemoScene::ALL.into_iter().enumerate() {
            for (j, (w, h)) in [(96, 64), (64, 96), (16, 16)].into_iter().enumerate() {
                let palette = DemoPalette::ALL[(i + j) % DemoPalette::ALL.len()];
                let img = demo_scene_pixels(7, w, h, palette, scene);
                let (lo, hi) = img.pixels().fold((u32::MAX, 0), |(lo, hi), p| {
                    (lo.min(luma(p)), hi.max(luma(p)))
                });
                assert!(hi - lo > 90, "{scene:?} {palette:?} {w}x{h}: {lo}..{hi}");
            }
        }
        let a = demo_scene_pixels(7, 96, 64, DemoPalette::Noon, DemoScene::Stadium);
        let b = demo_scene_pixels(7, 96, 64, DemoPalette::Noon, DemoScene::Parliament);
        assert_ne!(a, b);
    }

    /// A contact sheet of every scene at noon and at night, to look at:
    /// `cargo test -p newsdesk-media --lib contact_sheet -- --ignored`, then open
    /// `demo-scenes.png` in the temporary folder.
    #[test]
    #[ignore = "writes a picture to look at"]
    fn contact_sheet() {
        let mut sheet = RgbImage::new(6 * 300, 6 * 210);
        for (i, scene) in DemoScene::ALL.into_iter().enumerate() {
            for (j, palette) in [DemoPalette::Noon, DemoPalette::Night]
                .into_iter()
                .enumerate()
            {
                let img = demo_scene_pixels(i as u64 * 7 + 1, 300, 200, palette, scene);
                let cell = (i * 2 + j) as i64;
                image::imageops::overlay(&mut sheet, &img, (cell % 6) * 300, (cell / 6) * 210);
            }
        }
        sheet
            .save(std::env::temp_dir().join("demo-scenes.png"))
            .unwrap();
    }
}
