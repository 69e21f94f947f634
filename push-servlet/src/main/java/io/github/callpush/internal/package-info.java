/**
 * Not API: helpers of the receiver and its servlet adapters. Anything here may change in any release.
 */
package io.github.callpush.internal;
