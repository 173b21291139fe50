package org.opencrm.accountlifecycle.settings;

/**
 * Told of every saved change, in the same transaction: what must hold at once (countdowns stopped when the mechanism is
 * switched off) is done there, or the change does not happen at all; what may take long (every countdown enrolled or
 * realigned) goes on in the background after the commit.
 */
public interface SettingsChangeListener {

    SettingsFollowUp settingsChanged(LifecycleSettings previous, LifecycleSettings current);
}
