package org.gridmend.audit;

/** Who did what an audit entry records. */
public enum ActorType {
    /** a customer, from a phone, the web or an app (the actor is the customer number when known) */
    CUSTOMER,
    /** a staff user: crew, dispatcher, hotline agent, auditor (the actor is the Camunda user id) */
    USER,
    /** GridMend or the process engine on its own: timers, triage, delivery */
    SYSTEM
}
