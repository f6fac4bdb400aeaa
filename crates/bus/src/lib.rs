#![doc = include_str!("../README.md")]

mod backoff;
mod bus;
pub mod config;
mod error;
mod message;
mod nats;
mod postgres;
mod subscription;

pub use bus::Bus;
pub use config::{BusConfig, BusKind, ToBusConfig};
pub use error::BusError;
pub use message::BusMessage;
pub use subscription::Subscription;
