//! Integration tests of the bus, one binary: in-process always, PostgreSQL and NATS
//! against real servers named by `NEWSDESK_TEST_DATABASE_URL` / `NEWSDESK_TEST_NATS_URL`.

mod in_process;
mod nats;
mod nats_outage;
mod nats_restart;
mod postgres;
mod support;
mod topics;
