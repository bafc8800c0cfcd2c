package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// archiveBase is an archive's name without its extension, and the folder inside it:
// buffer-mcp_1.2.3_linux_amd64.
func archiveBase(v version, t target) string {
	return fmt.Sprintf("buffer-mcp_%s_%s", v.semver, t)
}

// archiveName is the archive's file name: a zip for Windows (Explorer opens it), a
// gzipped tar elsewhere (tar keeps the executable bit).
func archiveName(v version, t target) string {
	if t.goos == "windows" {
		return archiveBase(v, t) + ".zip"
	}
	return archiveBase(v, t) + ".tar.gz"
}

// entry is one file of an archive.
type entry struct {
	name string
	path string // where its content is on disk
	mode os.FileMode
}

// writeArchive packs the binary and the README into one folder, with the commit's time on
// every file, so that the same commit gives the same archive.
func writeArchive(out string, v version, s source, b artifact) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	base := archiveBase(v, b.target)
	entries := []entry{
		{name: base + "/" + b.exe(), path: b.path, mode: 0o755},
		{name: base + "/README.md", path: filepath.Join(root, "README.md"), mode: 0o644},
	}
	name := archiveName(v, b.target)
	if b.goos == "windows" {
		err = writeZip(filepath.Join(out, name), entries, s.time)
	} else {
		err = writeTarGz(filepath.Join(out, name), entries, s.time)
	}
	if err != nil {
		return "", fmt.Errorf("archive %s: %w", name, err)
	}
	return name, nil
}

func writeTarGz(path string, entries []entry, mtime time.Time) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		data, err := os.ReadFile(e.path)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: e.name, Mode: int64(e.mode), Size: int64(len(data)), ModTime: mtime,
			Typeflag: tar.TypeReg, Format: tar.FormatPAX, Uname: "root", Gname: "root"}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return f.Close()
}

func writeZip(path string, entries []entry, mtime time.Time) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, e := range entries {
		data, err := os.ReadFile(e.path)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		hdr.SetMode(e.mode)
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// checksumsName is the checksums file, in the format `sha256sum -c` and `shasum -a 256 -c`
// read.
func checksumsName(v version) string { return fmt.Sprintf("buffer-mcp_%s_checksums.txt", v.semver) }

func writeChecksums(out string, v version, files []string) error {
	sort.Strings(files)
	var b strings.Builder
	for _, name := range files {
		sum, err := fileSHA256(filepath.Join(out, name))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, name)
	}
	return os.WriteFile(filepath.Join(out, checksumsName(v)), []byte(b.String()), 0o644)
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// repoRoot is the folder holding go.mod, found upwards from the working directory, so that
// the command and its tests find packaging/ and README.md wherever they run.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory: run from the repository")
		}
		dir = parent
	}
}
