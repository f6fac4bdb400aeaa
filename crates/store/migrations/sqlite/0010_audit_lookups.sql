-- The audit log is read by account too: the dashboard tells a staff member about login
-- lock-outs on their account since their previous login.
CREATE INDEX audit_log_actor_action ON audit_log (actor, action, id);
CREATE INDEX audit_log_target_action ON audit_log (target, action, id);
