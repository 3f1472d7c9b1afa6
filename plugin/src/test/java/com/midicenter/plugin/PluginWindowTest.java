package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginWindowTest {

    @Test
    void transportText_playingAndStopped_saysWhatTheHostDoes() {
        assertThat(PluginWindow.transportText(true, 120)).isEqualTo("following host: playing 120 BPM");
        assertThat(PluginWindow.transportText(false, 92.5)).isEqualTo("following host: stopped 92.5 BPM");
        assertThat(PluginWindow.transportText(false, 0)).isEqualTo("following host: stopped");
    }
}
