//! The UI prototype: a list of creatures for a game, a form to edit the selected one, and a live
//! preview drawn with the game API. Edit it while it runs (`just dev`): change a label, add a widget,
//! save, and the window shows the new UI within a second, with everything typed and chosen kept.
//!
//! The UI is the real egui (`contract::egui`), run inside this library by [`gui::run`]: panels,
//! windows, sliders, combo boxes, text edits, grids... any egui widget works. [`gui::draw`] draws it
//! where it is called; the game API (`contract::prelude`, macroquad's names) draws everything else.

pub mod exports;

use contract::egui;
use contract::gui;
use contract::prelude::*;
use serde::{Deserialize, Serialize};

/// The preview's background. Try it: change this colour, save, and watch the running window.
pub const BACKGROUND: Color = Color::from_rgba(0x1d, 0x23, 0x33, 255);
const TEXT_COLOR: Color = Color::from_rgba(0xe8, 0xe8, 0xe8, 255);
/// New creatures take the next of these colours.
const PALETTE: [[u8; 3]; 5] =
    [[0x4c, 0xc9, 0x5a], [0x9b, 0x5d, 0xe5], [0xf1, 0x5b, 0xb5], [0xfe, 0xe4, 0x40], [0x00, 0xbb, 0xf9]];

/// Everything the prototype remembers between frames, kept across every reload (as JSON: fields
/// may be added, removed or changed while it runs, see the README).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub creatures: Vec<Creature>,
    pub selected: usize,
    pub notes: String,
    /// egui's own memory (window positions, open sections, scrolling), kept like the rest.
    pub egui: gui::Memory,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Creature {
    pub name: String,
    pub shape: Shape,
    pub color: [u8; 3],
    /// Radius in the preview, in pixels.
    pub size: f32,
    /// Turns per second.
    pub spin: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    Circle,
    Triangle,
    Square,
    Hexagon,
    /// assets/player.png, tinted (save a new PNG there and it shows at once).
    Sprite,
}

impl Default for State {
    fn default() -> Self {
        let bat =
            Creature { name: "Bat".to_string(), shape: Shape::Triangle, color: PALETTE[1], size: 40.0, spin: 0.0 };
        Self { creatures: vec![Creature::default(), bat], selected: 0, notes: String::new(), egui: gui::Memory }
    }
}

impl Default for Creature {
    fn default() -> Self {
        Self { name: "Slime".to_string(), shape: Shape::Circle, color: PALETTE[0], size: 50.0, spin: 0.0 }
    }
}

/// One frame: lay out the UI, draw the preview in the space the panels leave, then the UI over it.
pub fn frame(state: &mut State) {
    clear_background(BACKGROUND);
    let mut preview = Rect::default();
    gui::run(|ui| preview = panels(ui, state));
    draw_preview(state, preview);
    gui::draw();
}

/// The UI, in egui's root `Ui`: the list on the left, the details on the right. Returns the space left
/// between them.
pub fn panels(ui: &mut egui::Ui, state: &mut State) -> Rect {
    egui::Panel::left("creatures").exact_size(170.0).show(ui, |ui| creature_list(ui, state));
    egui::Panel::right("details").exact_size(260.0).show(ui, |ui| details(ui, state));
    let free = ui.available_rect_before_wrap();
    Rect::new(free.min.x, free.min.y, free.width(), free.height())
}

fn creature_list(ui: &mut egui::Ui, state: &mut State) {
    ui.heading("Creatures");
    ui.horizontal(|ui| {
        if ui.button("Add").clicked() {
            add_creature(state);
        }
        if ui.add_enabled(state.creatures.len() > 1, egui::Button::new("Remove")).clicked() {
            remove_selected(state);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, creature) in state.creatures.iter().enumerate() {
            if ui.selectable_label(state.selected == i, &creature.name).clicked() {
                state.selected = i;
            }
        }
    });
}

fn details(ui: &mut egui::Ui, state: &mut State) {
    let Some(creature) = state.creatures.get_mut(state.selected) else { return };
    ui.heading("Details");
    egui::Grid::new("creature").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
        ui.label("Name");
        ui.text_edit_singleline(&mut creature.name);
        ui.end_row();

        ui.label("Shape");
        egui::ComboBox::from_id_salt("shape").selected_text(format!("{:?}", creature.shape)).show_ui(ui, |ui| {
            for shape in [Shape::Circle, Shape::Triangle, Shape::Square, Shape::Hexagon, Shape::Sprite] {
                ui.selectable_value(&mut creature.shape, shape, format!("{shape:?}"));
            }
        });
        ui.end_row();

        ui.label("Colour");
        ui.color_edit_button_srgb(&mut creature.color);
        ui.end_row();

        ui.label("Size");
        ui.add(egui::Slider::new(&mut creature.size, 10.0..=120.0));
        ui.end_row();

        ui.label("Spin");
        ui.add(egui::Slider::new(&mut creature.spin, -2.0..=2.0).suffix(" turns/s"));
        ui.end_row();
    });
    ui.separator();
    egui::CollapsingHeader::new("Notes").default_open(true).show(ui, |ui| {
        ui.add(egui::TextEdit::multiline(&mut state.notes).hint_text("Ideas, balance, TODOs...").desired_rows(4));
    });
}

/// The selected creature, big, with its name under it; the others in a row along the bottom.
fn draw_preview(state: &State, area: Rect) {
    let time = get_time() as f32;
    if let Some(creature) = state.creatures.get(state.selected) {
        let centre = area.center() - vec2(0.0, 30.0);
        draw_creature(creature, centre, creature.size, time);
        let measured = measure_text(&creature.name, None, 32, 1.0);
        draw_text(&creature.name, centre.x - measured.width / 2.0, centre.y + creature.size + 44.0, 32.0, TEXT_COLOR);
    }
    let step = area.w / (state.creatures.len() + 1) as f32;
    for (i, creature) in state.creatures.iter().enumerate() {
        let at = vec2(area.x + step * (i + 1) as f32, area.y + area.h - 40.0);
        draw_creature(creature, at, 16.0, time);
    }
}

fn draw_creature(creature: &Creature, at: Vec2, radius: f32, time: f32) {
    let [r, g, b] = creature.color;
    let color = Color::from_rgba(r, g, b, 255);
    let rotation = creature.spin * time * 360.0;
    match creature.shape {
        Shape::Circle => draw_circle(at.x, at.y, radius, color),
        Shape::Triangle => draw_poly(at.x, at.y, 3, radius, rotation - 90.0, color),
        Shape::Square => draw_poly(at.x, at.y, 4, radius, rotation + 45.0, color),
        Shape::Hexagon => draw_poly(at.x, at.y, 6, radius, rotation, color),
        Shape::Sprite => {
            let size = Some(vec2(radius * 2.0, radius * 2.0));
            let params = DrawTextureParams { dest_size: size, rotation: rotation.to_radians(), ..Default::default() };
            draw_texture_ex(&load_texture("assets/player.png"), at.x - radius, at.y - radius, color, params);
        }
    }
}

/// A new creature, selected, in the next colour of the palette.
pub fn add_creature(state: &mut State) {
    let number = state.creatures.len() + 1;
    let color = PALETTE[state.creatures.len() % PALETTE.len()];
    state.creatures.push(Creature { name: format!("Creature {number}"), color, ..Creature::default() });
    state.selected = state.creatures.len() - 1;
}

/// Removes the selected creature (never the last one), selecting the one before it.
pub fn remove_selected(state: &mut State) {
    if state.creatures.len() > 1 && state.selected < state.creatures.len() {
        state.creatures.remove(state.selected);
        state.selected = state.selected.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::boundary::GuiTextureChange;
    use contract::{DrawCommand, Frame, Input};

    fn run(state: &mut State, input: Input) -> Frame {
        let input = Input { frame_time: 0.016, screen_width: 800.0, screen_height: 600.0, ..input };
        contract::record_frame(&input, || frame(state))
    }

    #[test]
    fn add_selects_the_new_creature_in_the_next_colour() {
        let mut state = State::default();
        add_creature(&mut state);
        assert_eq!(state.selected, 2);
        assert_eq!(state.creatures[2].name, "Creature 3");
        assert_eq!(state.creatures[2].color, PALETTE[2]);
    }

    #[test]
    fn remove_keeps_at_least_one_creature() {
        let mut state = State { selected: 1, ..State::default() };
        remove_selected(&mut state);
        remove_selected(&mut state);
        assert_eq!((state.creatures.len(), state.selected), (1, 0));
    }

    /// The preview is drawn with the game API in the space the panels leave, and the UI over it.
    #[test]
    fn the_preview_is_drawn_between_the_panels_and_the_ui_over_it() {
        let mut state = State::default();
        let frame = run(&mut state, Input::default());
        let last = frame.draw.last();
        assert!(matches!(last, Some(DrawCommand::Gui(meshes)) if !meshes.is_empty()), "the UI comes last: {last:?}");
        let circle = frame.draw.iter().find_map(|command| match *command {
            DrawCommand::Circle { x, r: 50.0, .. } => Some(x),
            _ => None,
        });
        // Between the 170 px list and the 260 px details panel.
        assert!(circle.is_some_and(|x| x > 170.0 && x < 800.0 - 260.0), "{circle:?}");
    }

    /// egui's font atlas goes to the binary once, after telling it to forget an earlier UI's textures.
    #[test]
    fn the_font_atlas_is_sent_once() {
        let mut state = State::default();
        let first = run(&mut state, Input::default());
        assert!(
            matches!(first.gui_textures.first(), Some(GuiTextureChange::FreeAll)),
            "{:?}",
            first.gui_textures.first()
        );
        assert!(
            first
                .gui_textures
                .iter()
                .any(|change| matches!(change, GuiTextureChange::Set { at: None, width, .. } if *width > 0))
        );
        let second = run(&mut state, Input::default());
        assert!(
            !second
                .gui_textures
                .iter()
                .any(|change| matches!(change, GuiTextureChange::FreeAll | GuiTextureChange::Set { at: None, .. }))
        );
    }
}
