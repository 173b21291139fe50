package org.opencrm.accountlifecycle.settings;

/**
 * Told of every saved change, in the same transaction, so that the countdowns already running follow the new settings
 * or the change does not happen at all.
 */
public interface SettingsChangeListener {

    /** @return how many running countdowns were moved, restarted, started or stopped */
    int settingsChanged(LifecycleSettings previous, LifecycleSettings current);
}
