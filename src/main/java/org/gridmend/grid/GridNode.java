package org.gridmend.grid;

/** A feeder, device or transformer: the places where an outage can sit. Their ids share one name space. */
public record GridNode(Kind kind, String id, String feederId) {

    public enum Kind {
        FEEDER,
        DEVICE,
        TRANSFORMER
    }
}
