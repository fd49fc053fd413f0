package org.gridmend.report;

/** Where a report came from. AMI reports are smart meters' last gasps; they get no customer messages. */
public enum Channel {
    APP,
    WEB,
    HOTLINE,
    WECHAT,
    SMS,
    AMI
}
