-- Equipment rental (设备租赁): the utility's and customers' idle equipment, listed, booked by the day, handed over,
-- returned and settled against a deposit. Payment happens outside GridMend; what was paid is recorded here.
CREATE TABLE gm_rental_item (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  owner_key           VARCHAR(64)    NOT NULL,
  request_id          VARCHAR(64)    NOT NULL,
  owner_phone         VARCHAR(16),
  type                VARCHAR(24)    NOT NULL,
  title               VARCHAR(60)    NOT NULL,
  rating              VARCHAR(40)    NOT NULL,
  spec                VARCHAR(2000)  NOT NULL,
  lat                 DOUBLE         NOT NULL,
  lng                 DOUBLE         NOT NULL,
  place               VARCHAR(100)   NOT NULL,
  daily_price         DECIMAL(10,2)  NOT NULL,
  deposit             DECIMAL(10,2)  NOT NULL,
  min_days            INT            NOT NULL,
  max_days            INT            NOT NULL,
  needs_installation  BOOLEAN        NOT NULL,
  status              VARCHAR(16)    NOT NULL,
  refusal_reason      VARCHAR(32),
  stars_sum           INT            NOT NULL DEFAULT 0,
  stars_count         INT            NOT NULL DEFAULT 0,
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_rental_item_request UNIQUE (owner_key, request_id)
) ${table_options};
CREATE INDEX ix_gm_rental_item_status ON gm_rental_item (status, type);
CREATE INDEX ix_gm_rental_item_owner ON gm_rental_item (owner_phone);

-- One rental: the days, the price and deposit as they were when booked, and every step's record.
CREATE TABLE gm_rental_booking (
  id                   BIGINT         NOT NULL AUTO_INCREMENT,
  request_id           VARCHAR(64)    NOT NULL,
  renter_phone         VARCHAR(16)    NOT NULL,
  item_id              BIGINT         NOT NULL,
  from_day             DATE           NOT NULL,
  to_day               DATE           NOT NULL,
  days                 INT            NOT NULL,
  daily_price          DECIMAL(10,2)  NOT NULL,
  price_total          DECIMAL(12,2)  NOT NULL,
  deposit              DECIMAL(10,2)  NOT NULL,
  delivery_address     VARCHAR(200),
  place_lat            DOUBLE         NOT NULL,
  place_lng            DOUBLE         NOT NULL,
  installation         BOOLEAN        NOT NULL,
  job_id               BIGINT,
  status               VARCHAR(16)    NOT NULL,
  decline_reason       VARCHAR(32),
  confirm_deadline     DATETIME(3)    NOT NULL,
  answered_by          VARCHAR(64),
  confirmed_at         DATETIME(3),
  paid_at              DATETIME(3),
  payment_method       VARCHAR(16),
  paid_recorded_by     VARCHAR(64),
  handover_condition   VARCHAR(16),
  handover_reading     DECIMAL(12,1),
  handover_notes       VARCHAR(500),
  handover_owner_at    DATETIME(3),
  handover_renter_at   DATETIME(3),
  handed_over_at       DATETIME(3),
  reminded_at          DATETIME(3),
  late_told_at         DATETIME(3),
  returned_at          DATETIME(3),
  return_condition     VARCHAR(16),
  return_reading       DECIMAL(12,1),
  return_notes         VARCHAR(500),
  damage_amount        DECIMAL(10,2),
  late_days            INT,
  deduction            DECIMAL(10,2),
  refund               DECIMAL(10,2),
  owed                 DECIMAL(12,2),
  dispute_reason       VARCHAR(500),
  dispute_outcome      VARCHAR(500),
  settled_at           DATETIME(3),
  renter_stars         INT,
  renter_comment       VARCHAR(300),
  owner_stars          INT,
  owner_comment        VARCHAR(300),
  closed_at            DATETIME(3),
  created_at           DATETIME(3)    NOT NULL,
  updated_at           DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_rental_booking_request UNIQUE (renter_phone, request_id)
) ${table_options};
CREATE INDEX ix_gm_rental_booking_item ON gm_rental_booking (item_id, from_day);
CREATE INDEX ix_gm_rental_booking_status ON gm_rental_booking (status, to_day);

-- The days a booking holds: the primary key is what makes two bookings of one item on one day impossible, on every
-- node and under Galera's certification alike.
CREATE TABLE gm_rental_day (
  item_id     BIGINT  NOT NULL,
  rent_day    DATE    NOT NULL,
  booking_id  BIGINT  NOT NULL,
  PRIMARY KEY (item_id, rent_day)
) ${table_options};
CREATE INDEX ix_gm_rental_day_booking ON gm_rental_day (booking_id);

-- The booking's timeline, parcel-style: what the renter and the owner were told, in order.
CREATE TABLE gm_rental_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  booking_id  BIGINT        NOT NULL,
  at          DATETIME(3)   NOT NULL,
  kind        VARCHAR(32)   NOT NULL,
  text        VARCHAR(500)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_rental_event_booking ON gm_rental_event (booking_id, id);

-- Photos of an item (its listing) or of a booking's handover and return, cleaned like the crews' photos.
CREATE TABLE gm_rental_photo (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  item_id       BIGINT        NOT NULL,
  booking_id    BIGINT,
  stage         VARCHAR(16)   NOT NULL,
  content_type  VARCHAR(16)   NOT NULL,
  size_bytes    INT           NOT NULL,
  data          ${blob_type}  NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_rental_photo_item ON gm_rental_photo (item_id, booking_id, id);
