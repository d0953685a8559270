package io.kefu.platform.web;

import io.kefu.platform.DomainException;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts a refused change on the form it came from: under its field when it names one, else above the form. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult form, DomainException e) {
        if (e.field() != null && form.getTarget() != null
                && BeanUtils.getPropertyDescriptor(form.getTarget().getClass(), e.field()) != null) {
            form.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
        } else {
            form.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
    }
}
