-- Learning in fragments of time (碎片化学习): short lessons and an exam per skill, which certify the skills dispatch
-- relies on. A course is imported by admins; one course per skill.
CREATE TABLE gm_course (
  id                  VARCHAR(64)   NOT NULL,
  skill               VARCHAR(16)   NOT NULL,
  title               VARCHAR(200)  NOT NULL,
  pass_mark           INT           NOT NULL,
  questions_per_exam  INT           NOT NULL,
  valid_days          INT           NOT NULL,
  updated_by          VARCHAR(64)   NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_course_skill UNIQUE (skill)
) ${table_options};

CREATE TABLE gm_lesson (
  course_id   VARCHAR(64)   NOT NULL,
  id          VARCHAR(64)   NOT NULL,
  seq         INT           NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  body        VARCHAR(8000) NOT NULL,
  image_url   VARCHAR(500),
  video_url   VARCHAR(500),
  minutes     INT           NOT NULL,
  PRIMARY KEY (course_id, id)
) ${table_options};

-- A question of a course's bank; options is a JSON array of {key, text}, correct the keys of the right options
-- in order ("A" or "A,C"). Never sent to a crew.
CREATE TABLE gm_question (
  course_id   VARCHAR(64)   NOT NULL,
  id          VARCHAR(64)   NOT NULL,
  seq         INT           NOT NULL,
  text        VARCHAR(1000) NOT NULL,
  multiple    BOOLEAN       NOT NULL,
  options     VARCHAR(4000) NOT NULL,
  correct     VARCHAR(200)  NOT NULL,
  PRIMARY KEY (course_id, id)
) ${table_options};

-- What a crew is certified for, and until when: dispatch offers a job only to crews with an unexpired certification
-- of its skill. The skills of the grid archive become initial certifications (source IMPORT).
CREATE TABLE gm_crew_certification (
  crew_id       VARCHAR(64)  NOT NULL,
  skill         VARCHAR(16)  NOT NULL,
  certified_at  DATETIME(3)  NOT NULL,
  expires_at    DATETIME(3)  NOT NULL,
  source        VARCHAR(16)  NOT NULL,
  PRIMARY KEY (crew_id, skill),
  CONSTRAINT fk_gm_crew_certification_crew FOREIGN KEY (crew_id) REFERENCES gm_crew (id)
) ${table_options};
INSERT INTO gm_crew_certification (crew_id, skill, certified_at, expires_at, source)
  SELECT crew_id, skill, CURRENT_TIMESTAMP, TIMESTAMPADD(DAY, 365, CURRENT_TIMESTAMP), 'IMPORT' FROM gm_crew_skill;

-- One crew learning one skill (the CrewLearning process); open_key is crew|skill while it runs, so that a crew has
-- at most one open learning per skill, whoever starts it.
CREATE TABLE gm_learning (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  crew_id     VARCHAR(64)   NOT NULL,
  skill       VARCHAR(16)   NOT NULL,
  course_id   VARCHAR(64)   NOT NULL,
  reason      VARCHAR(16)   NOT NULL,
  state       VARCHAR(16)   NOT NULL,
  fails       INT           NOT NULL DEFAULT 0,
  open_key    VARCHAR(100),
  started_by  VARCHAR(64),
  started_at  DATETIME(3)   NOT NULL,
  ended_at    DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_learning_open UNIQUE (open_key),
  CONSTRAINT fk_gm_learning_crew FOREIGN KEY (crew_id) REFERENCES gm_crew (id)
) ${table_options};
CREATE INDEX ix_gm_learning_crew ON gm_learning (crew_id, id);

CREATE TABLE gm_lesson_time (
  learning_id  BIGINT       NOT NULL,
  lesson_id    VARCHAR(64)  NOT NULL,
  seconds      INT          NOT NULL,
  first_at     DATETIME(3)  NOT NULL,
  last_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (learning_id, lesson_id)
) ${table_options};

-- One sitting of an exam: the questions drawn for it (ids, in order), and once submitted the answers and the score
-- computed here.
CREATE TABLE gm_exam (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  learning_id   BIGINT         NOT NULL,
  task_id       VARCHAR(64)    NOT NULL,
  question_ids  VARCHAR(2000)  NOT NULL,
  started_at    DATETIME(3)    NOT NULL,
  submitted_at  DATETIME(3),
  answers       VARCHAR(2000),
  score         INT,
  passed        BOOLEAN,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_exam_learning ON gm_exam (learning_id, id);
