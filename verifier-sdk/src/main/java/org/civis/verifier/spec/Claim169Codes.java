package org.civis.verifier.spec;

/** The coded values of Claim 169 v1.2.0: gender, marital status, photo and biometric formats. */
public final class Claim169Codes {
    public static final int GENDER_MALE = 1;
    public static final int GENDER_FEMALE = 2;
    public static final int GENDER_OTHERS = 3;

    public static final int MARITAL_UNMARRIED = 1;
    public static final int MARITAL_MARRIED = 2;
    public static final int MARITAL_DIVORCED = 3;

    /** Field 17, the format of field 16. */
    public static final int PHOTO_JPEG = 1;

    public static final int PHOTO_JPEG2000 = 2;
    public static final int PHOTO_AVIF = 3;
    public static final int PHOTO_WEBP = 4;

    /** Biometric data format (key 1 of an entry). */
    public static final int BIOMETRIC_IMAGE = 0;

    public static final int BIOMETRIC_TEMPLATE = 1;
    public static final int BIOMETRIC_SOUND = 2;
    public static final int BIOMETRIC_BIO_HASH = 3;

    /** Image sub-formats (key 2 when the format is an image). */
    public static final int IMAGE_PNG = 0;

    public static final int IMAGE_JPEG = 1;
    public static final int IMAGE_JPEG2000 = 2;
    public static final int IMAGE_AVIF = 3;
    public static final int IMAGE_WEBP = 4;
    public static final int IMAGE_TIFF = 5;
    public static final int IMAGE_WSQ = 6;

    /** Template sub-formats (key 2 when the format is a template). */
    public static final int TEMPLATE_ANSI_378 = 0;

    public static final int TEMPLATE_ISO_19794_2 = 1;
    public static final int TEMPLATE_NIST = 2;

    private Claim169Codes() {}
}
