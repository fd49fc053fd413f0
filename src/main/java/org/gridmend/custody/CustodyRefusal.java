package org.gridmend.custody;

/** Why a custody application is refused, as the custody dispatcher picks it and the customer reads it. */
enum CustodyRefusal {
    NO_ELECTRICIAN("附近暂无具备配电房资质的电工", "no electrician certified for distribution rooms nearby"),
    EQUIPMENT_UNCLEAR("设备信息不完整", "the equipment details are incomplete"),
    NOT_SERVED("不在托管服务范围", "outside the area custody serves");

    final String zh;
    final String en;

    CustodyRefusal(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
