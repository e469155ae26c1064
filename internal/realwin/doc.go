// Package realwin holds the real-window test of the desktop app: the built
// redress binary runs under Xvfb and is driven with xdotool as a user
// would, with the mouse and the keyboard (realwin_test.go, build tag
// realwin; scripts/smoke.sh runs it from make test). Fyne's own test
// driver cannot see a whole class of bugs (a widget the driver does not
// know panics when its popup opens), so this one clicks real pixels.
package realwin
