package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(Pii.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(Pii.maskPhone("+86 138-1234-5678")).isEqualTo("861******5678");
        assertThat(Pii.maskPhone("95598")).isEqualTo("*****");
        assertThat(Pii.maskPhone(null)).isNull();
    }

    @Test
    void namesKeepTheirFirstCharacter() {
        assertThat(Pii.maskName("王伟")).isEqualTo("王*");
        assertThat(Pii.maskName("欧阳建华")).isEqualTo("欧***");
        assertThat(Pii.maskName("王")).isEqualTo("王*");
        assertThat(Pii.maskName("Zhang Wei")).isEqualTo("Z********");
    }
}
