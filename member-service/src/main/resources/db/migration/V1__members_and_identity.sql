-- member-service: members, SMS login codes, refresh tokens, the JWT signing key and operators.
-- Times are DATETIME(3) in UTC.

CREATE TABLE member (
    id           BIGINT       NOT NULL PRIMARY KEY,
    phone_cipher VARCHAR(255) NOT NULL COMMENT 'AES-GCM(phone), base64 of iv || ciphertext',
    phone_hash   CHAR(64)     NOT NULL COMMENT 'HMAC-SHA256(phone), hex: lookups and uniqueness',
    nickname     VARCHAR(64)  NOT NULL,
    invite_code  VARCHAR(16)  NOT NULL,
    inviter_id   BIGINT       NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_member_phone_hash (phone_hash),
    UNIQUE KEY uk_member_invite_code (invite_code),
    KEY idx_member_inviter (inviter_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One live code per phone; the row is replaced by the next send (at most one send per 60 s).
CREATE TABLE sms_code (
    phone_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    code_hash   CHAR(64)    NOT NULL,
    attempts    INT         NOT NULL,
    sent_at     DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    consumed_at DATETIME(3) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE refresh_token (
    id         BIGINT      NOT NULL PRIMARY KEY,
    token_hash CHAR(64)    NOT NULL COMMENT 'SHA-256 of the opaque token, hex',
    member_id  BIGINT      NOT NULL,
    family_id  BIGINT      NOT NULL COMMENT 'all tokens rotated from one login',
    expires_at DATETIME(3) NOT NULL,
    used_at    DATETIME(3) NULL,
    revoked_at DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_refresh_token_hash (token_hash),
    KEY idx_refresh_token_family (family_id),
    KEY idx_refresh_token_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The generated ES256 key; the first replica to insert purpose='access-token' wins, the others read it back.
CREATE TABLE signing_key (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    purpose    VARCHAR(32)  NOT NULL,
    kid        VARCHAR(64)  NOT NULL,
    jwk_cipher TEXT         NOT NULL COMMENT 'private JWK JSON, AES-GCM encrypted with the PII key',
    created_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_signing_key_purpose (purpose)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE admin_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL COMMENT 'BCrypt',
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_admin_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
