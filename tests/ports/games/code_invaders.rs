//! CodeInvaders, a Space Invaders clone by Philipp Loß, ported to the game API.
//! Original: https://github.com/lossphilipp/CodeInvaders, commit 1e220770bb2b3d245e2be4b0c226a27aa8e50d3b,
//! src/main.rs with its modules src/player.rs, src/enemy.rs, src/bullet.rs, src/high_scores.rs and
//! src/name_input.rs inlined below as `mod x { .. }` (in the order main.rs declares them); the game loads
//! assets/{rust,python,java,dart,cplusplus,c}.png from the same repository.
//! License: MIT, Copyright 2024 Philipp Loß (the repository's LICENSE; `license = "MIT"` in its Cargo.toml).
//!
//! Ported with steps 1, 2, 3 and 4 of starters/README.md ("Porting a macroquad example"). Extra changes,
//! each marked `// PORT:` below:
//! - the loop body awaits the game's own `async fn`s (`handle_menu(..).await`...), so `frame`'s body is
//!   wrapped in `block_on(async { .. })`, as step 2 does for the code before the loop;
//! - `&mut field` arguments in the loop body become `&mut *field` (the fields are `&mut` bindings now);
//! - `Enemy` held its texture in an `Rc<Texture2D>`: `State` must be `Send` (and serde's `Rc` needs its
//!   "rc" feature), so it holds a `Texture2D`, which is a shared handle already;
//! - the high scores are saved with `serde_json`, which lib/Cargo.toml must list under [dependencies]
//!   (the original's Cargo.toml did: `serde_json = "1.0.135"`); the file is `high_scores.json` in the
//!   working folder, as in the original.
use std::collections::HashMap; // PORT: `rc::Rc` no longer used (see `mod enemy`)
use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;
mod player {
use contract::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
pub struct Player {
    pub texture: Texture2D,
    pub scale: f32,
    pub position: Vec2,
}

impl Player {
    pub fn new(texture: Texture2D) -> Self {
        let scale = screen_width() / 15.0 / texture.width();

        let position = vec2(
            screen_width() / 2.0 - (texture.width() * scale) / 2.0,
            screen_height() - (texture.height() * scale) - 10.0,
        );

        Self {
            texture,
            scale,
            position,
        }
    }

    pub fn draw(&self) {
        draw_texture_ex(
            &self.texture,
            self.position.x,
            self.position.y,
            WHITE,
            DrawTextureParams {
                dest_size: Some(Vec2::new(self.texture.width() * self.scale, self.texture.height() * self.scale)),
                ..Default::default()
            },
        );
    }

    pub fn reset(&mut self) {
        self.scale = screen_width() / 15.0 / self.texture.width();

        self.position = vec2(
            screen_width() / 2.0 - (self.texture.width() * self.scale) / 2.0,
            screen_height() - (self.texture.height() * self.scale) - 10.0,
        );
    }

    pub fn update(&mut self, delta_time: &f32) {
        let move_speed = screen_width() / 3.0;
        let left_bound = 10.0;
        let right_bound = screen_width() - (self.texture.width() * self.scale) - 10.0;

        if is_key_down(KeyCode::Left) {
            self.position.x -= move_speed * *delta_time;
            if self.position.x < left_bound {
                self.position.x = left_bound;
            }
        }
        if is_key_down(KeyCode::Right) {
            self.position.x += move_speed * *delta_time;
            if self.position.x > right_bound {
                self.position.x = right_bound;
            }
        }
    }
}
}
use player::Player;
mod enemy {
use contract::prelude::*;
use serde::{Deserialize, Serialize};
// PORT: `Rc<Texture2D>` -> `Texture2D`: `State` must be `Send`; a `Texture2D` is a shared handle already

#[derive(Clone, Serialize, Deserialize)]
pub enum Direction {
    Left,
    Right,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Enemy {
    pub texture: Texture2D,
    pub scale: f32,
    pub position: Vec2,
    pub level: i8,
    pub collided: bool,
    current_direction: Direction,
}

impl Enemy {
    pub fn new(texture: Texture2D, scale: f32, level: i8, position: Vec2) -> Self {
        Self {
            texture,
            scale,
            position,
            level,
            collided: false,
            current_direction: Direction::Left,
        }
    }

    pub fn draw(&self) {
        draw_texture_ex(
            &self.texture,
            self.position.x,
            self.position.y,
            WHITE,
            DrawTextureParams {
                dest_size: Some(Vec2::new(self.texture.width() * self.scale, self.texture.height() * self.scale)),
                ..Default::default()
            },
        );
    }

    fn change_direction(&mut self) {
        self.position.y += self.texture.height() * self.scale;

        self.current_direction = match self.current_direction {
            Direction::Left => Direction::Right,
            Direction::Right => Direction::Left,
        };
    }

    pub fn update(&mut self, direction_change: &bool, delta_time: &f32) {
        let base_speed: f32 = screen_width() / 25.0;
        let move_speed: f32 = base_speed * (1.5_f32).powi(self.level as i32);

        if *direction_change {
            self.change_direction();
        }

        match self.current_direction {
            Direction::Left => self.position.x += move_speed * *delta_time,
            Direction::Right => self.position.x -= move_speed * *delta_time,
        };
    }
}
}
use enemy::Enemy;
mod bullet {
use contract::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
pub struct Bullet {
    pub position: Vec2,
    pub collided: bool,
}

impl Bullet {
    pub fn new(position: Vec2) -> Self {
        Self {
            position,
            collided: false,
        }
    }

    pub fn draw(&self) {
        // ToDo: Bullet size calculation creates a cheat: First start game & then resize window to make bullet size bigger
        draw_circle(self.position.x, self.position.y, screen_width() / 400.0, WHITE);
    }

    pub fn update(&mut self, delta_time: &f32) {
        let move_speed = screen_height() / 3.0;

        self.position.y -= move_speed * *delta_time;
    }
}
}
use bullet::Bullet;
mod high_scores {
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use serde::{Deserialize, Serialize};


#[derive(Clone, Serialize, Deserialize, Debug)]
struct HighScoreEntry {
    name: String,
    score: i32,
}

#[derive(Clone, Serialize, Deserialize, Debug)]
pub struct HighScores {
    entries: Vec<HighScoreEntry>,
}

impl HighScores {
    const FILE_PATH: &'static str = "high_scores.json";

    pub fn new() -> Self {
        HighScores { entries: Vec::new() }
    }

    pub fn load(&mut self) -> io::Result<()> {
        if Path::new(Self::FILE_PATH).exists() {
            let mut file = File::open(Self::FILE_PATH)?;
            let mut contents = String::new();
            file.read_to_string(&mut contents)?;
            *self = serde_json::from_str(&contents)?;
        }
        Ok(())
    }

    fn save(&self) -> io::Result<()> {
        let mut file = File::create(Self::FILE_PATH)?;
        let contents = serde_json::to_string(&self)?;
        file.write_all(contents.as_bytes())?;
        Ok(())
    }

    pub fn qualifies(&self, score: i32) -> bool {
        self.entries.len() < 10 || score > self.entries.last().unwrap().score
    }

    pub fn add_score(&mut self, name: String, score: i32) {
        let trimmed_name = name.trim().to_string();

        self.entries.push(HighScoreEntry { name: trimmed_name, score });
        self.entries.sort_by(|a, b| b.score.cmp(&a.score));
        self.entries.truncate(10);

        if let Err(e) = self.save() {
            eprintln!("Error saving high scores: {}", e);
        }
    }

    pub fn display(&self) -> Vec<String> {
        let mut strings: Vec<String> = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            strings.push(format!("{}: {} - {}", i + 1, entry.name, entry.score));
        }
        strings
    }
}
}
use high_scores::HighScores;
mod name_input {
use contract::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
pub struct NameInput {
    pub name: String,
}

impl NameInput {
    pub fn new() -> Self {
        Self { name: String::new() }
    }

    pub fn update(&mut self) {
        if let Some(c) = get_char_pressed() {
            if c == '\n' {
                // Enter key pressed
                return;
            } else if c == '\u{8}' {
                // Backspace key pressed
                self.name.pop();
            } else if c.is_alphanumeric() || c.is_ascii_punctuation() {
                // We do not accept whitespace or other special characters
                self.name.push(c);
            }
        }
    }

    pub fn draw(&self) {
        let prompt = "Enter your name:";
        let name = &self.name;
    
        draw_text(
            prompt,
            screen_width() / 2.0 - measure_text(prompt, None, 30, 1.0).width / 2.0,
            screen_height() / 2.0 - 20.0,
            30.0,
            LIGHTGRAY,
        );
    
        draw_text(
            name,
            screen_width() / 2.0 - measure_text(name, None, 30, 1.0).width / 2.0,
            screen_height() / 2.0 + 20.0,
            30.0,
            LIGHTGRAY,
        );
    }
}
}
use name_input::NameInput;

#[derive(Clone, Serialize, Deserialize)]
enum GameState {
    Menu,
    Playing,
    LevelComplete,
    GameOver,
    HighScores,
    EnterName
}

struct MenuText {
    text: String,
    font_size: u16,
}

const PADDING: f32 = 10.0;
const FONT_SIZE_LARGE: u16 = 50;
const FONT_SIZE_MEDIUM: u16 = 30;

async fn draw_menu(texts: Vec<MenuText>) {
    let mut total_height = 0.0;

    // Calculate total height of all text items including padding
    for menu_text in &texts {
        let text_size = measure_text(&menu_text.text, None, menu_text.font_size, 1.0);
        total_height += text_size.height + PADDING;
    }
    total_height -= PADDING; // Remove the padding after the last item

    // Calculate starting y position to center all text items
    let mut current_y = screen_height() / 2.0 - total_height / 2.0;

    // Draw each text item
    for menu_text in &texts {
        let text_size = measure_text(&menu_text.text, None, menu_text.font_size, 1.0);
        draw_text(
            &menu_text.text,
            screen_width() / 2.0 - text_size.width / 2.0,
            current_y,
            menu_text.font_size as f32,
            LIGHTGRAY,
        );
        current_y += text_size.height + PADDING;
    }
}

// Not used anymore, but I leave it here in case I want to use it in the future
// when using this I need to add the assets first, by using something like this:
// include_bytes!("..\\assets\\python.png")
async fn _load_enemy_texture_from_binary(level: &i8, textures: &HashMap<&str, &[u8]>,) -> Texture2D {
    Texture2D::from_file_with_format(
        textures[
            match *level {
                1 => "python",
                2 => "java",
                3 => "dart",
                4 => "cplusplus",
                _ => "c",
            }
        ],
        Some(ImageFormat::Png),
    )
}

async fn load_texture_from_file(filename: &str) -> Texture2D {
    let fileload_result = load_texture(&format!("assets/{}", filename)).await;

    match fileload_result {
        Ok(file) => file,
        Err(error) => panic!("Problem opening the texture file: {error:?}"),
    }
}

async fn load_enemy_texture(level: &i8) -> Texture2D {
    let filename = match *level {
        1 => "python.png",
        2 => "java.png",
        3 => "dart.png",
        4 => "cplusplus.png",
        _ => "c.png",
    };

    load_texture_from_file(&filename).await
}

async fn spawn_enemies(enemies: &mut Vec<Enemy>, level: &mut i8, texture: Texture2D, rows: i8) {
    let scale = screen_width() / 20.0 / texture.width();
    let enemy_width = texture.width() * scale;
    let enemy_height = texture.height() * scale;
    let spacing_x = enemy_width + PADDING;
    let spacing_y = enemy_height + PADDING;

    let texture_pointer = texture; // PORT: was `Rc::new(texture)`

    for row in 0..rows {
        for col in 0..10 {
            let x = col as f32 * spacing_x + PADDING + 1.0;
            let y = row as f32 * spacing_y + PADDING;

            enemies.push(Enemy::new(
                texture_pointer.clone(), // PORT: was `Rc::clone(&texture_pointer)`
                scale,
                *level,
                vec2(x, y),
            ));
        }
    }
}

async fn init_game (
    level: &mut i8,
    player: &mut Player,
    enemies: &mut Vec<Enemy>,
    bullets: &mut Vec<Bullet>,
    game_state: &mut GameState,
) {
    *level += 1;

    player.reset();

    bullets.clear();

    enemies.clear();

    let current_enemy_texture = load_enemy_texture(level).await;
    spawn_enemies(enemies, level, current_enemy_texture, 5).await;

    *game_state = GameState::Playing;
}

async fn calculate_enemy_movement(enemies: &mut Vec<Enemy>, delta_time: &f32) {
    let screen_width = screen_width();
    let mut hit_wall = false;

    let first_enemy = enemies.first().unwrap(); //We are sure enemies are always present → unwrap is safe
    let enemy_width = first_enemy.texture.width() * first_enemy.scale;

    // ToDo: Sometimes this is bugged and moves all enemies directly to the bottom
    //       I assume the enemies get updated to often and glitch into the padding,
    //       which triggers the direction change multiple times
    for enemy in enemies.iter() {
        if enemy.position.x + enemy_width >= screen_width - PADDING || enemy.position.x <= PADDING {
            hit_wall = true;
            break;
        }
    }

    for enemy in enemies.iter_mut() {
        enemy.update(&hit_wall, delta_time);
        enemy.draw();
    }
}

// ToDo: Possible optimization: use bullet pool instead of creating & deleting new bullets every time
async fn shoot_bullet(bullets: &mut Vec<Bullet>, player: &mut Player, last_shot: &mut f64, delta_time: &f32, score: &mut i32) {
    let bullet_shoot_speed = 50.0;
    let current_time = get_time();
    if is_key_down(KeyCode::Space) && current_time - *last_shot > (bullet_shoot_speed * *delta_time as f64) {
        let bullet_position = vec2(
            player.position.x + (player.texture.width() * player.scale) / 2.0,
            player.position.y
        );
        bullets.push(Bullet::new(bullet_position));
        *last_shot = current_time;
        *score -= 1;
    }
}

fn is_collision(bullet: &Bullet, enemy: &Enemy) -> bool {
    bullet.position.x < enemy.position.x + enemy.texture.width() * enemy.scale &&   // Left
    bullet.position.x > enemy.position.x &&                                         // Right
    bullet.position.y < enemy.position.y + enemy.texture.height() * enemy.scale &&  // Top
    bullet.position.y > enemy.position.y                                            // Bottom
}

async fn check_collision(bullets: &mut Vec<Bullet>, enemies: &mut Vec<Enemy>, score: &mut i32) {
    for bullet in bullets.iter_mut() {
        for enemy in enemies.iter_mut() {
            if is_collision(bullet, enemy) {                                          // Bottom
                bullet.collided = true;
                enemy.collided = true;
                *score += 10;
            }
        }
    }
    bullets.retain(|bullet| !bullet.collided);
    enemies.retain(|enemy| !enemy.collided);
}

async fn check_round_finished(player: &Player, enemies: &Vec<Enemy>, game_state: &mut GameState) {
    if enemies.is_empty() {
        *game_state = GameState::LevelComplete;
    }
    
    for enemy in enemies {
        if enemy.position.y + enemy.texture.height() * enemy.scale >= player.position.y {
            *game_state = GameState::EnterName;
        }
    }
}

async fn handle_menu(game_state: &mut GameState, level: &mut i8, player: &mut Player, enemies: &mut Vec<Enemy>, bullets: &mut Vec<Bullet>) {
    draw_menu(vec![
        MenuText { text: "CodeInvaders".to_string(), font_size: FONT_SIZE_LARGE },
        MenuText { text: "Press ENTER to Start".to_string(), font_size: FONT_SIZE_MEDIUM },
        MenuText { text: "Press H to show highscores".to_string(), font_size: FONT_SIZE_MEDIUM },
    ]).await;

    if is_key_pressed(KeyCode::Enter) {
        init_game(level, player, enemies, bullets, game_state).await;
    }
    if is_key_pressed(KeyCode::H) {
        *game_state = GameState::HighScores;
    }
}

async fn handle_playing(game_state: &mut GameState, player: &mut Player, enemies: &mut Vec<Enemy>, bullets: &mut Vec<Bullet>, last_shot: &mut f64, delta_time: &f32, score: &mut i32) {
    player.update(&delta_time);
    player.draw();

    calculate_enemy_movement(enemies, &delta_time).await;

    shoot_bullet(bullets, player, last_shot, &delta_time, score).await;

    for bullet in bullets.iter_mut() {
        bullet.update(&delta_time);
        bullet.draw();
    }
    bullets.retain(|bullet| bullet.position.y < screen_height());

    check_collision(bullets, enemies, score).await;

    check_round_finished(&player, &enemies, game_state).await;

    if is_key_pressed(KeyCode::Escape) {
        *game_state = GameState::EnterName;
    }
}

async fn handle_level_complete(game_state: &mut GameState, level: &mut i8, player: &mut Player, enemies: &mut Vec<Enemy>, bullets: &mut Vec<Bullet>, score: &i32) {
    draw_menu(vec![
        MenuText { text: "LEVEL COMPLETE".to_string(), font_size: FONT_SIZE_LARGE },
        MenuText { text: format!("SCORE: {score}"), font_size: FONT_SIZE_LARGE },
        MenuText { text: "Press ENTER to continue".to_string(), font_size: FONT_SIZE_MEDIUM },
        MenuText { text: "Press ESC to finish".to_string(), font_size: FONT_SIZE_MEDIUM },
    ]).await;

    if is_key_pressed(KeyCode::Enter) {
        init_game(level, player, enemies, bullets, game_state).await;
        return;
    }
    if is_key_pressed(KeyCode::Escape) {
        *level = 0;
        *game_state = GameState::EnterName;
    }
}

async fn handle_game_over(game_state: &mut GameState, score: &mut i32, level: &mut i8) {
    draw_menu(vec![
        MenuText { text: "GAME OVER".to_string(), font_size: FONT_SIZE_LARGE },
        MenuText { text: format!("SCORE: {score}"), font_size: FONT_SIZE_LARGE },
        MenuText { text: "Press ESC to finish".to_string(), font_size: FONT_SIZE_MEDIUM },
        MenuText { text: "Press H to show highscores".to_string(), font_size: FONT_SIZE_MEDIUM },
    ]).await;

    if is_key_pressed(KeyCode::Escape) ||
       is_key_pressed(KeyCode::Enter) {
        *level = 0;
        *score = 0;
        *game_state = GameState::Menu;
        return;
    }
    if is_key_pressed(KeyCode::H) {
        *level = 0;
        *score = 0;
        *game_state = GameState::HighScores;
    }
}

async fn handle_enter_name(game_state: &mut GameState, high_scores: &mut HighScores, name_input: &mut NameInput, score: &i32) {
    if !high_scores.qualifies(*score) {
        *game_state = GameState::GameOver;
        return;
    }

    name_input.update();
    name_input.draw();

    if is_key_pressed(KeyCode::Enter) {
        high_scores.add_score(name_input.name.clone(), *score);
        *game_state = GameState::GameOver;
    }
}

async fn handle_high_scores(game_state: &mut GameState, high_scores: &HighScores) {
    let mut scores = high_scores.display().iter().map(
        |entry| MenuText { text: entry.clone(), font_size: FONT_SIZE_MEDIUM }
    ).collect::<Vec<MenuText>>();

    let mut menu_texts = vec![
        MenuText { text: "HIGH SCORES".to_string(), font_size: FONT_SIZE_LARGE },
        MenuText { text: "Press ESC to exit".to_string(), font_size: FONT_SIZE_MEDIUM },
        MenuText { text: " ".to_string(), font_size: FONT_SIZE_MEDIUM },
    ];

    menu_texts.append(&mut scores);

    draw_menu(menu_texts).await;

    if is_key_pressed(KeyCode::Escape) {
        *game_state = GameState::Menu;
    }
}

#[derive(Clone, Serialize, Deserialize)]
pub struct State {
    delta_time: f32,
    game_state: GameState,
    level: i8,
    score: i32,
    high_scores: HighScores,
    name_input: NameInput,
    player: Player,
    enemies: Vec<Enemy>,
    bullets: Vec<Bullet>,
    last_shot: f64,
}

impl Default for State {
    fn default() -> Self {
        block_on(async {
    // Initiate globaly needed game assets
    let mut delta_time = 0.0;
    let mut game_state = GameState::Menu;
    let mut level: i8 = 0;
    let mut score: i32 = 0;
    let mut high_scores = HighScores::new();
    high_scores.load().unwrap_or_default(); // right now i implemented this to always return true, so no use of error handling
    let mut name_input = NameInput::new();
    let mut player = Player::new(load_texture_from_file("rust.png").await);
    let mut enemies: Vec<Enemy> = Vec::new();
    let mut bullets: Vec<Bullet> = Vec::new();
    let mut last_shot = get_time();

    // Run game
    clear_background(BLACK);
            Self { delta_time, game_state, level, score, high_scores, name_input, player, enemies, bullets, last_shot }
        })
    }
}

pub fn frame(state: &mut State) {
    let State { delta_time, game_state, level, score, high_scores, name_input, player, enemies, bullets, last_shot } = state;
    block_on(async { // PORT: the loop body awaits the game's own `async fn`s
        *delta_time = get_frame_time();

        match game_state {
            // ToDo: This looks pretty bad. Find a better way to handle globaly needed stuff like the enemy list
            // PORT: `&mut x` -> `&mut *x` (the fields are `&mut` bindings)
            GameState::Menu => handle_menu(&mut *game_state, &mut *level, &mut *player, &mut *enemies, &mut *bullets).await,
            GameState::Playing => handle_playing(&mut *game_state, &mut *player, &mut *enemies, &mut *bullets, &mut *last_shot, &delta_time, &mut *score).await,
            GameState::LevelComplete => handle_level_complete(&mut *game_state, &mut *level, &mut *player, &mut *enemies, &mut *bullets, &score).await,
            GameState::GameOver => handle_game_over(&mut *game_state, &mut *score, &mut *level).await,
            GameState::EnterName => handle_enter_name(&mut *game_state, &mut *high_scores, &mut *name_input, &score).await,
            GameState::HighScores => handle_high_scores(&mut *game_state, &high_scores).await,
            }
    })
}
