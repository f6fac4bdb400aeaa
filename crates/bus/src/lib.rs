#![doc = include_str!("../README.md")]

mod backoff;
mod base64;
mod bus;
pub mod config;
mod error;
mod message;
mod nats;
mod postgres;
mod relay;
mod subscription;
pub mod topic;
mod topic_subscription;

pub use bus::Bus;
pub use config::{BusConfig, BusKind, ToBusConfig};
pub use error::BusError;
pub use message::BusMessage;
pub use relay::BusHealth;
pub use subscription::Subscription;
pub use topic::{Topic, TopicEvent, TopicMessage};
pub use topic_subscription::TopicSubscription;
