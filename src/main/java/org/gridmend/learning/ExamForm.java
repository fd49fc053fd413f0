package org.gridmend.learning;

/**
 * The names the "Take exam" Camunda Form and the exam's listeners share: up to {@value #SLOTS} question slots; slot
 * {@code i} shows {@code q<i>} (the question), is a radio {@code a<i>} when {@code q<i>Kind} is "single" and a checklist
 * {@code a<i>m} when it is "multiple", with the options of {@code q<i>Options}. Slots without a question are hidden.
 */
final class ExamForm {

    static final int SLOTS = 10;

    private ExamForm() {}

    static String question(int slot) {
        return "q" + slot;
    }

    static String kind(int slot) {
        return "q" + slot + "Kind";
    }

    static String options(int slot) {
        return "q" + slot + "Options";
    }

    static String single(int slot) {
        return "a" + slot;
    }

    static String multiple(int slot) {
        return "a" + slot + "m";
    }
}
