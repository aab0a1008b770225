-- member-service issue 3, part 2: marketing reach (consents per channel, the log of granted permits).
-- Times are DATETIME(3) in UTC; reach_date is the Asia/Shanghai calendar day of the grant.

ALTER TABLE member
    ADD COLUMN deleted_at DATETIME(3) NULL COMMENT 'set when the PII was anonymised (PIPL deletion)';

-- The current consent per member and channel (no row: the configured default, opt-in).
CREATE TABLE member_consent (
    member_id  BIGINT      NOT NULL,
    channel    VARCHAR(24) NOT NULL COMMENT 'SMS, WECHAT_SUBSCRIBE, WECOM, APP_PUSH',
    granted    TINYINT(1)  NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: every consent change, the proof of when a member said yes or no.
CREATE TABLE consent_record (
    id         BIGINT      NOT NULL PRIMARY KEY,
    member_id  BIGINT      NOT NULL,
    channel    VARCHAR(24) NOT NULL,
    granted    TINYINT(1)  NOT NULL,
    created_at DATETIME(3) NOT NULL,
    KEY idx_consent_record_member (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per granted permit; the caps count these rows. A campaign is granted once per member and channel.
CREATE TABLE reach_log (
    id          BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    channel     VARCHAR(24) NOT NULL,
    campaign_id BIGINT      NOT NULL,
    reach_date  DATE        NOT NULL COMMENT 'Asia/Shanghai calendar day',
    granted_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_reach_log_campaign (member_id, campaign_id, channel),
    KEY idx_reach_log_member_date (member_id, reach_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
