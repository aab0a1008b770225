-- member-service issue 3, part 2: PIPL deletion with cooling-off, birthday rewards.

-- One row per member who asked to be deleted: REQUESTED until due_at (cancellable), then DONE once the job has
-- anonymised the member. A cancelled request is CANCELLED; asking again starts a new cooling-off on the same row.
CREATE TABLE member_deletion (
    member_id    BIGINT      NOT NULL PRIMARY KEY,
    status       VARCHAR(16) NOT NULL COMMENT 'REQUESTED, CANCELLED, DONE',
    requested_at DATETIME(3) NOT NULL,
    due_at       DATETIME(3) NOT NULL,
    cancelled_at DATETIME(3) NULL,
    done_at      DATETIME(3) NULL,
    KEY idx_member_deletion_due (status, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Birthday rewards: once per member and year (the key), whatever the job's replicas and re-runs do.
CREATE TABLE birthday_grant (
    member_id  BIGINT      NOT NULL,
    grant_year INT         NOT NULL,
    points     BIGINT      NOT NULL,
    level      VARCHAR(8)  NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, grant_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
