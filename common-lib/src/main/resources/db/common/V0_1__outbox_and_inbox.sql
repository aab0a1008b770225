-- Shared by every service (common-lib): transactional outbox and idempotent-consumer inbox.
CREATE TABLE outbox_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id    CHAR(36)     NOT NULL,
    topic       VARCHAR(128) NOT NULL,
    msg_key     VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    envelope    MEDIUMTEXT   NOT NULL,
    trace_id    CHAR(32)     NULL,
    created_at  DATETIME(3)  NOT NULL,
    sent_at     DATETIME(3)  NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY idx_outbox_unsent (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE processed_event (
    event_id     CHAR(36)    NOT NULL PRIMARY KEY,
    event_type   VARCHAR(64) NOT NULL,
    processed_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
