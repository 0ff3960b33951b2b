package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * One image file of a set: which finger, which impression of it, and the encoded image.
 *
 * @param finger the finger number from the file name; equal numbers in one set are the same finger
 * @param impression the impression number from the file name
 * @param image the file's bytes (TIFF, PNG, BMP, JPEG or WSQ, whatever SourceAFIS decodes)
 */
record FingerprintSample(int finger, int impression, byte[] image) {

    /**
     * The FVC sets are 500 dpi but their TIFFs carry no resolution tag; SourceAFIS would otherwise
     * assume 500 anyway, but saying so keeps the figures right if that default ever changes.
     */
    private static final double DPI = 500;

    FingerprintTemplate extractTemplate() {
        return extractTemplate(image);
    }

    static FingerprintTemplate extractTemplate(byte[] image) {
        return new FingerprintTemplate(new FingerprintImage(image, new FingerprintImageOptions().dpi(DPI)));
    }
}
