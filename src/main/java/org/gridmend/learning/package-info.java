/**
 * Crew learning (碎片化学习考试): courses of short lessons with a question bank per skill, the crews' certifications
 * that dispatch relies on, the CrewLearning process's steps, exams scored on the server, and the sweep that assigns
 * courses. Owns gm_course, gm_lesson, gm_question, gm_crew_certification, gm_learning, gm_lesson_time, gm_exam.
 */
package org.gridmend.learning;
