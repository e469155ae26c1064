//go:build realwin

package realwin

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"redress/internal/testtool"
)

// The screen and the window: the app opens its main window at 1200×780;
// without a window manager it sits at the top left corner, so window
// coordinates are screen coordinates.
const (
	screenW, screenH = 1440, 900
	winW, winH       = 1200, 780
)

// rig is one real app under its own Xvfb, with a data folder and a home
// folder (Fyne keeps preferences under $HOME/.config) of its own.
type rig struct {
	t       *testing.T
	bin     string
	work    string
	data    string
	home    string
	shots   string
	display string
	env     []string
	app     *exec.Cmd
	exited  chan struct{}
	exitErr error
	logPath string
	step    int
	last    image.Image
	lang    string
}

// build returns the binary to drive: $REDRESS_BIN when set (to run the
// harness against another build, such as an older commit), else a fresh
// build of this module.
func build(t *testing.T, dir string) string {
	if b := os.Getenv("REDRESS_BIN"); b != "" {
		abs, err := filepath.Abs(b)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	root, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	bin := filepath.Join(dir, "redress")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(root)))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// newRig starts Xvfb (it picks a free display) and prepares the folders.
func newRig(t *testing.T, bin, work, shotsDir string) *rig {
	testtool.Need(t, "xvfb", "Xvfb")
	testtool.Need(t, "xdotool", "xdotool")
	testtool.Need(t, "imagemagick", "import")
	testtool.Need(t, "x11-utils", "xprop")
	r := &rig{t: t, bin: bin, work: work, data: filepath.Join(work, "data"), home: filepath.Join(work, "home"), shots: shotsDir}
	for _, d := range []string{r.home, r.shots} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", screenW, screenH), "-nolisten", "tcp",
		"-noreset") // no server reset when the app quits: a restart right after would find no display
	xvfb.ExtraFiles = []*os.File{pw}
	if err := xvfb.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	pw.Close()
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	num := make(chan string, 1)
	go func() {
		// The number and its newline come in two writes; Xvfb dies when
		// the pipe closes between them, so read the whole line.
		line, _ := bufio.NewReader(pr).ReadString('\n')
		pr.Close()
		num <- strings.TrimSpace(line)
	}()
	select {
	case d := <-num:
		r.display = ":" + d
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not report its display")
	}
	r.env = append(os.Environ(), "DISPLAY="+r.display, "HOME="+r.home, "XDG_CONFIG_HOME="+filepath.Join(r.home, ".config"),
		"LANG=en_US.UTF-8", "LC_ALL=", "LC_MESSAGES=", "TZ=UTC", "REDRESS_DATA=")
	r.waitFor("the X server", 10*time.Second, r.xok)
	return r
}

func (r *rig) xok() bool {
	cmd := exec.Command("xdotool", "getdisplaygeometry")
	cmd.Env = r.env
	return cmd.Run() == nil
}

// start runs the app in the given interface language ("" leaves the
// saved preference in charge) and waits for its window.
func (r *rig) start(lang string, args ...string) {
	r.t.Helper()
	r.lang = lang
	r.logPath = filepath.Join(r.work, fmt.Sprintf("app-%d.log", r.step))
	logf, err := os.Create(r.logPath)
	if err != nil {
		r.t.Fatal(err)
	}
	r.app = exec.Command(r.bin, append([]string{"--data", r.data, "gui"}, args...)...)
	r.app.Env = append(r.env, "REDRESS_LANG="+lang)
	r.app.Stdout, r.app.Stderr = logf, logf
	if err := r.app.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.exited = make(chan struct{})
	go func() {
		r.exitErr = r.app.Wait()
		logf.Close()
		close(r.exited)
	}()
	r.t.Cleanup(func() { r.app.Process.Kill(); <-r.exited })
	r.waitFor("the main window", 30*time.Second, func() bool { return r.window() != "" })
	r.waitStable()
}

// alive reports whether the app is still running.
func (r *rig) alive() bool {
	select {
	case <-r.exited:
		return false
	default:
		return true
	}
}

// xdo runs xdotool on the rig's display.
func (r *rig) xdo(args ...string) string {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = r.env
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out))
}

// window returns the id of the visible main window ("" when none).
func (r *rig) window() string {
	ids := strings.Fields(r.xdo("search", "--onlyvisible", "--name", "^(Redress|维权档案)"))
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// windows returns the names of the visible windows.
func (r *rig) windows() []string {
	var out []string
	for _, id := range strings.Fields(r.xdo("search", "--onlyvisible", "--name", ".")) {
		if n := r.xdo("getwindowname", id); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// The smallest screen every view must fit.
const smallW, smallH = 800, 600

var minRE = regexp.MustCompile(`minimum size: (\d+) by (\d+)`)

// minSize reads the minimum size the app asks of the window manager.
func (r *rig) minSize(id string) (w, h int) {
	cmd := exec.Command("xprop", "-id", id, "WM_NORMAL_HINTS")
	cmd.Env = r.env
	out, err := cmd.Output()
	if err != nil {
		r.t.Fatalf("xprop: %v", err)
	}
	m := minRE.FindStringSubmatch(string(out))
	if m == nil {
		return 0, 0
	}
	w, _ = strconv.Atoi(m[1])
	h, _ = strconv.Atoi(m[2])
	return w, h
}

var geomRE = regexp.MustCompile(`Position: (-?\d+),(-?\d+).*\n\s*Geometry: (\d+)x(\d+)`)

// geometry returns a window's position and size.
func (r *rig) geometry(id string) (x, y, w, h int) {
	m := geomRE.FindStringSubmatch(r.xdo("getwindowgeometry", id))
	if m == nil {
		return
	}
	x, _ = strconv.Atoi(m[1])
	y, _ = strconv.Atoi(m[2])
	w, _ = strconv.Atoi(m[3])
	h, _ = strconv.Atoi(m[4])
	return
}

// focus gives the keyboard to the main window (there is no window manager
// to do it).
func (r *rig) focus() {
	if id := r.window(); id != "" {
		r.xdo("windowfocus", "--sync", id)
	}
}

func (r *rig) click(x, y int) {
	r.xdo("mousemove", "--sync", strconv.Itoa(x), strconv.Itoa(y))
	r.xdo("click", "1")
}

func (r *rig) typ(s string) { r.xdo("type", "--delay", "15", s) }

func (r *rig) key(k ...string) { r.xdo(append([]string{"key", "--delay", "40"}, k...)...) }

// shot captures the screen (raw RGB: no PNG to encode and decode).
func (r *rig) shot() image.Image {
	cmd := exec.Command("import", "-window", "root", "-depth", "8", "RGB:-")
	cmd.Env = r.env
	out, err := cmd.Output()
	if err != nil || len(out) != screenW*screenH*3 {
		r.t.Fatalf("screenshot: %v (%d bytes)", err, len(out))
	}
	img := image.NewRGBA(image.Rect(0, 0, screenW, screenH))
	for i, j := 0, 0; i < len(out); i, j = i+3, j+4 {
		img.Pix[j], img.Pix[j+1], img.Pix[j+2], img.Pix[j+3] = out[i], out[i+1], out[i+2], 255
	}
	return img
}

// diff counts the pixels that differ between a and b inside rect.
func diff(a, b image.Image, rect image.Rectangle) int {
	n := 0
	rect = rect.Intersect(a.Bounds()).Intersect(b.Bounds())
	if pa, pb := pixels(a), pixels(b); pa != nil && pb != nil {
		for y := rect.Min.Y; y < rect.Max.Y; y++ {
			ia, ib := pa.off(rect.Min.X, y), pb.off(rect.Min.X, y)
			for x := rect.Min.X; x < rect.Max.X; x++ {
				d := absi(int(pa.pix[ia])-int(pb.pix[ib])) + absi(int(pa.pix[ia+1])-int(pb.pix[ib+1])) + absi(int(pa.pix[ia+2])-int(pb.pix[ib+2]))
				if d > 3*8 {
					n++
				}
				ia, ib = ia+pa.step, ib+pb.step
			}
		}
		return n
	}
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absd(r1, r2)+absd(g1, g2)+absd(b1, b2) > 3*0x0800 {
				n++
			}
		}
	}
	return n
}

// raw is an image's pixel bytes: 8 bits per channel, red first.
type raw struct {
	pix          []byte
	stride, step int
	min          image.Point
}

func (p *raw) off(x, y int) int { return (y-p.min.Y)*p.stride + (x-p.min.X)*p.step }

func pixels(img image.Image) *raw {
	switch m := img.(type) {
	case *image.RGBA:
		return &raw{m.Pix, m.Stride, 4, m.Rect.Min}
	case *image.NRGBA:
		return &raw{m.Pix, m.Stride, 4, m.Rect.Min}
	}
	return nil
}

func absi(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

func absd(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// brightness is the mean luminance (0..255) of rect.
func brightness(img image.Image, rect image.Rectangle) float64 {
	var sum, n float64
	for y := rect.Min.Y; y < rect.Max.Y; y += 4 {
		for x := rect.Min.X; x < rect.Max.X; x += 4 {
			r, g, b, _ := img.At(x, y).RGBA()
			sum += (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
			n++
		}
	}
	return sum / n
}

// changed is how many pixels must differ for "the screen changed": more
// than a blinking text cursor.
const changed = 400

var whole = image.Rect(0, 0, screenW, screenH)

// waitStable waits until two screenshots in a row barely differ (a cursor
// may blink), and keeps the last as the reference.
func (r *rig) waitStable() image.Image {
	prev := r.shot()
	for i := 0; i < 40; i++ {
		time.Sleep(100 * time.Millisecond)
		cur := r.shot()
		if diff(prev, cur, whole) < changed {
			r.last = cur
			return cur
		}
		prev = cur
	}
	r.last = prev
	return prev
}

// waitChange waits until rect differs from the last reference screenshot,
// then until the screen settles.
func (r *rig) waitChange(what string, rect image.Rectangle) image.Image {
	r.t.Helper()
	before := r.last
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		r.mustLive(what)
		if cur := r.shot(); diff(before, cur, rect) >= changed {
			return r.waitStable()
		}
		time.Sleep(100 * time.Millisecond)
	}
	r.fail(what, "the screen did not change in %v", rect)
	return nil
}

// waitFor polls cond.
func (r *rig) waitFor(what string, d time.Duration, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		if r.app != nil {
			r.mustLive(what)
		}
		time.Sleep(150 * time.Millisecond)
	}
	r.fail(what, "timed out after %v", d)
}

// log returns the app's output so far.
func (r *rig) log() string {
	b, _ := os.ReadFile(r.logPath)
	return string(b)
}

var panicRE = regexp.MustCompile(`(?m)^(panic:|fatal error:|goroutine \d+ \[)`)

// mustLive fails the test when the app died or logged a panic.
func (r *rig) mustLive(what string) {
	r.t.Helper()
	if !r.alive() {
		r.fail(what, "the app is gone (%v)", r.exitErr)
	}
	if loc := panicRE.FindStringIndex(r.log()); loc != nil {
		r.fail(what, "the app panicked")
	}
}

// fail stops the test with the step, a screenshot and the app's log.
func (r *rig) fail(what, format string, args ...any) {
	r.t.Helper()
	name := filepath.Join(r.shots, fmt.Sprintf("%02d-FAILED.png", r.step))
	if r.alive() {
		cmd := exec.Command("import", "-window", "root", name)
		cmd.Env = r.env
		cmd.Run()
	}
	logText := r.log()
	if len(logText) > 4000 {
		logText = logText[:4000] + "\n…"
	}
	r.t.Fatalf("step %d (%s): %s\nscreenshot: %s\napp log:\n%s", r.step, what, fmt.Sprintf(format, args...), name, logText)
}

// done ends a step: the app must be alive with nothing panicked, its main
// window no larger than the screen, and the screenshot is kept.
func (r *rig) done(name string) {
	r.t.Helper()
	r.mustLive(name)
	if id := r.window(); id != "" {
		if _, _, w, h := r.geometry(id); w > screenW || h > screenH {
			r.fail(name, "the window grew to %d×%d, larger than the %d×%d screen", w, h, screenW, screenH)
		}
		// The smallest size the window can take (Fyne tells the window
		// manager its content's minimum size): every view must fit an
		// 800×600 screen.
		if w, h := r.minSize(id); w > smallW || h > smallH {
			r.fail(name, "the window cannot shrink below %d×%d; it must fit %d×%d", w, h, smallW, smallH)
		}
	}
	img := r.last
	if img == nil {
		img = r.shot()
	}
	f, err := os.Create(filepath.Join(r.shots, fmt.Sprintf("%02d-%s.png", r.step, name)))
	if err == nil {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		enc.Encode(f, img.(*image.RGBA).SubImage(image.Rect(0, 0, winW, winH)))
		f.Close()
	}
	r.t.Logf("step %d: %s ✓", r.step, name)
	r.step++
}

// cli runs the command line on the same data folder (SQLite lets it read
// while the app has the database open).
func (r *rig) cli(args ...string) []byte {
	r.t.Helper()
	cmd := exec.Command(r.bin, append([]string{"--data", r.data}, args...)...)
	cmd.Env = append(r.env, "REDRESS_LANG=en")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		r.t.Fatalf("redress %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// caseJSON is what the harness reads back through `case list --json`.
type caseJSON struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Problem      string `json:"problem"`
	Jurisdiction string `json:"jurisdiction"`
	Language     string `json:"language"`
	Incident     string `json:"incident_date"`
	Amount       struct {
		Minor    int64  `json:"minor"`
		Currency string `json:"currency"`
	} `json:"amount"`
	Events int `json:"events"`
}

func (r *rig) cases() []caseJSON {
	var cs []caseJSON
	if err := json.Unmarshal(r.cli("case", "list", "--json"), &cs); err != nil {
		r.t.Fatalf("case list: %v", err)
	}
	return cs
}

// eventJSON is one timeline entry as `timeline --json` gives it.
type eventJSON struct {
	Kind    string   `json:"kind"`
	Summary string   `json:"summary"`
	Tags    []string `json:"tags"`
	Contact *struct {
		Channel   string `json:"channel"`
		Agent     string `json:"agent"`
		Promise   string `json:"promise"`
		PromiseBy string `json:"promise_by"`
		Duration  int64  `json:"duration_ns"`
	} `json:"contact"`
	Attachments []struct {
		Name string `json:"name"`
	} `json:"attachments"`
}

func (r *rig) timeline(id string) []eventJSON {
	var evs []eventJSON
	if err := json.Unmarshal(r.cli("timeline", id, "--json"), &evs); err != nil {
		r.t.Fatalf("timeline: %v", err)
	}
	return evs
}

// choose opens the dropdown at (x, y), which has n options, with the
// mouse and picks option i. Fyne hangs the list below the dropdown, or
// moves it up so that it ends at the window's bottom edge when it would
// not fit; each option is rowH high.
func (r *rig) choose(what string, x, y, n, i int) {
	r.t.Helper()
	r.waitStable()
	r.click(x, y)
	top := y + 15
	if top+n*rowH > winH {
		top = winH - n*rowH - 2
	}
	list := image.Rect(x-150, top, x+150, top+n*rowH)
	r.waitChange(what+": its list opens", list)
	r.click(x-60, top+rowH/2+rowH*i)
	r.waitChange(what+": the list closes", list)
}

const rowH = 40 // between the options of a dropdown's list
